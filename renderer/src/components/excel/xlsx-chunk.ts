// Everything of shared/xlsx the app calls, in one chunk that loads on first use (see xlsx.ts).
export { readWorkbook, writeWorkbook } from '../../../../shared/xlsx/workbook';
export { buildPlanImport, planImportChange, planRecordsOf, previewPlanImport } from '../../../../shared/xlsx/plan-import';
export { exportPlanTables } from '../../../../shared/xlsx/export-tables';
export { buildAllForms, buildDepartmentForm, formImportChange, previewDepartmentForm } from '../../../../shared/xlsx/dept-form';
export { assessmentWorkbook } from '../../../../shared/xlsx/assessment';
export { exportCityWorkbook } from '../../../../shared/xlsx/city';
