// Everything of shared/documents the app calls, in one chunk that loads on first use (see documents.ts).
export { DocumentService } from '../../../../shared/app/documents/documents';
