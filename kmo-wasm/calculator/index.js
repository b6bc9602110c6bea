// Placeholder for the <kmo-calculator> web component (the entry kmo-portefeuille/calculator),
// which replaces this file.
export {};
