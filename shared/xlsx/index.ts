/** Excel round-trip: import plans, export the official tables, department forms out and back in. */
export { XlsxError, describeProblem, type SheetProblem, type XlsxRefusal } from './errors';
export { checkXlsxBytes, readZipDirectory, DEFAULT_XLSX_LIMITS, type XlsxLimits } from './safety';
export { readWorkbook, writeWorkbook, cellText, type Workbook } from './workbook';
export { exportPlanTables, SHEET_NAMES, type ExportOptions } from './export-tables';
export { exportCityWorkbook, type CityExportInput } from './city';
export { previewPlanImport, buildPlanImport, planRecordsOf, planImportChange, type PlanImportPreview, type PlanImportContext, type BuildChoices, type BuiltImport, type PreviewRow, type UnknownName } from './plan-import';
export { buildDepartmentForm, buildAllForms, departmentsWithForms, formItems, formFileName, previewDepartmentForm, formImportChange, FORM_SHEET, type FormPreview, type FormRow } from './dept-form';
