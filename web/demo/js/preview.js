// A live preview of the personalization on the shirt: the photo placed in the print
// area, the message in the chosen font and colour, drawn on a canvas.
import { fontStack } from "./config.js";

const images = new Map(); // url -> HTMLImageElement (loaded once)

function loadImage(url, redraw) {
  if (!images.has(url)) {
    const img = new Image();
    img.onload = redraw;
    img.src = url;
    images.set(url, img);
  }
  const img = images.get(url);
  return img.complete && img.naturalWidth ? img : null;
}

function shirtPath(ctx, w, hgt) {
  ctx.beginPath();
  ctx.moveTo(w * 0.32, hgt * 0.06);
  ctx.quadraticCurveTo(w * 0.5, hgt * 0.16, w * 0.68, hgt * 0.06);
  ctx.lineTo(w * 0.96, hgt * 0.2);
  ctx.lineTo(w * 0.86, hgt * 0.36);
  ctx.lineTo(w * 0.77, hgt * 0.31);
  ctx.lineTo(w * 0.77, hgt * 0.96);
  ctx.lineTo(w * 0.23, hgt * 0.96);
  ctx.lineTo(w * 0.23, hgt * 0.31);
  ctx.lineTo(w * 0.14, hgt * 0.36);
  ctx.lineTo(w * 0.04, hgt * 0.2);
  ctx.closePath();
}

function wrap(ctx, text, maxWidth) {
  const lines = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (ctx.measureText(next).width > maxWidth && line) {
      lines.push(line);
      line = word;
    } else {
      line = next;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * Draws `values` (normalized personalization) on `canvas`. `printArea` is the variant's
 * print area in mm ({width, height}); `photoField`/`textField` name the schema fields.
 */
export function drawPreview(canvas, values, { printArea = { width: 200, height: 250 }, photoField = "photo", textField = "message", fontField = "font", colourField = "colour" } = {}) {
  // Drawn at the screen's pixel density: the canvas keeps its size in CSS pixels
  // (data-width/height) and gets devicePixelRatio times as many pixels.
  const w = Number(canvas.dataset.width ?? (canvas.dataset.width = canvas.width));
  const hgt = Number(canvas.dataset.height ?? (canvas.dataset.height = canvas.height));
  const dpr = Math.min(3, window.devicePixelRatio || 1);
  if (canvas.width !== Math.round(w * dpr)) {
    canvas.width = Math.round(w * dpr);
    canvas.height = Math.round(hgt * dpr);
  }
  const ctx = canvas.getContext("2d");
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  const redraw = () => drawPreview(canvas, values, { printArea, photoField, textField, fontField, colourField });
  ctx.clearRect(0, 0, w, hgt);
  shirtPath(ctx, w, hgt);
  ctx.fillStyle = "#f4f1ea";
  ctx.fill();
  ctx.strokeStyle = "#b9b2a5";
  ctx.lineWidth = 2;
  ctx.stroke();

  // The print area, scaled to the chest (200 mm wide = 40% of the canvas).
  const scale = (w * 0.4) / printArea.width;
  const areaW = printArea.width * scale;
  const areaH = printArea.height * scale;
  const x = (w - areaW) / 2;
  const y = hgt * 0.24;
  ctx.setLineDash([6, 4]);
  ctx.strokeStyle = "#8c8577";
  ctx.lineWidth = 1;
  ctx.strokeRect(x, y, areaW, areaH);
  ctx.setLineDash([]);

  const photo = values?.[photoField];
  const textHeight = values?.[textField] ? areaH * 0.25 : 0;
  if (photo?.url) {
    const img = loadImage(photo.url, redraw);
    if (img) {
      // cover the area above the text
      const boxH = areaH - textHeight;
      const ratio = Math.max(areaW / img.naturalWidth, boxH / img.naturalHeight);
      const sw = areaW / ratio;
      const sh = boxH / ratio;
      ctx.drawImage(img, (img.naturalWidth - sw) / 2, (img.naturalHeight - sh) / 2, sw, sh, x, y, areaW, boxH);
    }
  }
  const message = values?.[textField];
  if (message) {
    // Every line is drawn: the text shrinks until all its lines (the customer's line
    // breaks kept) fit the text box, never cut.
    const maxWidth = areaW * 0.92;
    const layout = (size) => {
      ctx.font = `${size}px ${fontStack(values?.[fontField])}`;
      const lines = String(message).split("\n").flatMap((paragraph) => wrap(ctx, paragraph, maxWidth));
      const widest = Math.max(0, ...lines.map((l) => ctx.measureText(l).width));
      return { lines, fits: widest <= maxWidth && lines.length * size * 1.1 <= textHeight };
    };
    let size = Math.max(10, Math.round(areaW / 10));
    let { lines, fits } = layout(size);
    while (!fits && size > 3) ({ lines, fits } = layout(--size));
    ctx.fillStyle = values?.[colourField] ?? "#1d1d1f";
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    const top = y + areaH - textHeight + (textHeight - lines.length * size * 1.1) / 2 + size * 0.55;
    lines.forEach((line, i) => ctx.fillText(line, x + areaW / 2, top + i * size * 1.1));
  }
  canvas.setAttribute("aria-label", describePreview(values, { photoField, textField, fontField, colourField }));
}

// The preview in words, for those who cannot see the canvas.
function describePreview(values, { photoField, textField, fontField, colourField }) {
  const parts = [];
  const message = values?.[textField];
  if (message) {
    parts.push(`the message “${String(message).replace(/\n/g, " / ")}”` +
      (values?.[fontField] ? ` in ${values[fontField]}` : "") +
      (values?.[colourField] ? `, colour ${values[colourField]}` : ""));
  }
  const photo = values?.[photoField];
  if (photo?.url) parts.push(`your photo (${photo.width} × ${photo.height} pixels) above it`);
  return parts.length ? `Preview of the print area: ${parts.join(", and ")}.` : "Preview of the print area: empty so far.";
}

/** The print resolution of an image over the print area, in dots per inch (the lower axis). */
export function effectiveDpi(image, printArea) {
  if (!image?.width || !printArea?.width) return null;
  const inches = (mm) => mm / 25.4;
  return Math.floor(Math.min(image.width / inches(printArea.width), image.height / inches(printArea.height)));
}
