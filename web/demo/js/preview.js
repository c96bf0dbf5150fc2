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
  const ctx = canvas.getContext("2d");
  const w = canvas.width;
  const hgt = canvas.height;
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
    let size = Math.max(10, Math.round(areaW / 10));
    const maxWidth = areaW * 0.92;
    ctx.font = `${size}px ${fontStack(values?.[fontField])}`;
    let lines = wrap(ctx, String(message), maxWidth).slice(0, 3);
    // A word wider than the print area: shrink the text until it fits.
    const widest = Math.max(...lines.map((l) => ctx.measureText(l).width));
    if (widest > maxWidth) {
      size = Math.max(6, Math.floor((size * maxWidth) / widest));
      ctx.font = `${size}px ${fontStack(values?.[fontField])}`;
      lines = wrap(ctx, String(message), maxWidth).slice(0, 3);
    }
    ctx.fillStyle = values?.[colourField] ?? "#1d1d1f";
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    const top = y + areaH - textHeight + (textHeight - lines.length * size * 1.1) / 2 + size * 0.55;
    lines.forEach((line, i) => ctx.fillText(line, x + areaW / 2, top + i * size * 1.1));
  }
}

/** The print resolution of an image over the print area, in dots per inch (the lower axis). */
export function effectiveDpi(image, printArea) {
  if (!image?.width || !printArea?.width) return null;
  const inches = (mm) => mm / 25.4;
  return Math.floor(Math.min(image.width / inches(printArea.width), image.height / inches(printArea.height)));
}
