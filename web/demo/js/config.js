// The demo's embedded defaults: the mock backend serves this page, so the API is on the
// same origin, and its publishable key is fixed.
export const PUBLISHABLE_KEY = "pk_01MOCKMEDUSAPERSONALIZEDEMO0000000000000000000000000000000000000";

/** CSS font stacks for the schema's font names (unknown names are used as given). */
export const FONT_STACKS = {
  Serif: "Georgia, 'Times New Roman', serif",
  Script: "'Brush Script MT', 'Segoe Script', 'Comic Sans MS', cursive",
  Mono: "'Courier New', 'DejaVu Sans Mono', monospace",
};

export const fontStack = (name) => FONT_STACKS[name] ?? name ?? "sans-serif";
