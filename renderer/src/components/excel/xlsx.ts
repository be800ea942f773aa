/**
 * The Excel code and exceljs (about a quarter of the app's script) load when a clerk first opens
 * or saves a workbook, not at start-up: most days nobody touches Excel, and an ordinary laptop
 * parses the rest sooner. Nothing here may be imported statically outside this pair of files.
 */
export const loadXlsx = () => import('./xlsx-chunk');
