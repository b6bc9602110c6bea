// Declarations for resolvers that read no `exports` (TypeScript's node10): the package's one API.
export * from '../index.js';
