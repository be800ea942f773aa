/**
 * The Word-document code and the docx package load when a clerk first makes a document, not at
 * start-up (as the Excel code does, components/excel/xlsx.ts).
 */
export const loadDocuments = () => import('./documents-chunk');

export const DOCX_FILTERS = [{ name: 'Word 文档', extensions: ['docx'] }];
