// Placeholder for the declarations of the <kmo-calculator> web component.
export {};
