/**
 * The demo newsroom's illustrations, drawn for this project: one SVG scene per story subject
 * (a bus on a hill road, a flour market, a hillside vaccination round, a cricket final under
 * floodlights, a well being tested, a poetry evening, a book fair, a calligrapher's desk, a
 * covered bazaar). Each function returns a complete W × H SVG document; lib/demo/drawing.ts
 * renders it to JPEG.
 */
import { H, W, backView, backdrop, hill, house, linear, n, person, poplar, radial, ridge, rng, svgDocument } from "./drawing";

const PASTELS = ["#e9c6a5", "#d9a77c", "#f0dcc0", "#c9d6c3", "#e7b8a8", "#bcd0d8", "#e8d39a", "#d8c2d8"];

/** A blue city bus on a road winding past Kabul's hillside houses, mountains behind, at dawn. */
export function busRoad(): string {
  const r = rng(14);
  const body: string[] = [backdrop("url(#sky)"), `<circle cx="1190" cy="300" r="260" fill="url(#glow)"/>`, `<circle cx="1190" cy="300" r="62" fill="#fff6dc"/>`];
  body.push(ridge(r, 430, 190, "url(#snow)", 6), ridge(r, 500, 90, "#9aa7b4", 6), hill(585, 18, 1.3, 0.7, "#c7a27a"));
  // The western districts' houses climbing the near hills, smaller and paler with distance.
  for (let i = 0; i < 150; i++) {
    const x = r() * (W + 60) - 30;
    const y = 560 + r() * 90 + Math.sin(x / 260) * 14;
    const s = 0.6 + (y - 560) / 110;
    body.push(house(x, y, (26 + r() * 30) * s, (18 + r() * 16) * s, PASTELS[Math.floor(r() * PASTELS.length)]!, "#6d5a4b", r));
  }
  body.push(hill(655, 10, 0.9, 2.1, "url(#ground)"));
  for (const [x, h] of [[90, 300], [150, 250], [1390, 330], [1455, 270], [1510, 310]] as const) body.push(poplar(x, 700, h, "#5b6b3a"));
  // Power line along the road.
  for (let i = 0; i < 6; i++) {
    const x = 260 + i * 250;
    body.push(`<rect x="${x}" y="${500 - i * 6}" width="6" height="${210 + i * 6}" fill="#5d4d40"/><rect x="${x - 28}" y="${508 - i * 6}" width="62" height="5" fill="#5d4d40"/>`);
  }
  body.push(`<path d="M-20,520 Q135,560 263,505 T763,493 T1263,475 T1763,460" fill="none" stroke="#4a3e36" stroke-width="2"/>`);
  // The road: a wide curve with a dashed centre line.
  body.push(`<path d="M-20,720 Q800,655 1620,700 L1620,815 Q800,745 -20,830 Z" fill="#5a5e66"/>`);
  body.push(`<path d="M-20,775 Q800,700 1620,757" fill="none" stroke="#efe3c4" stroke-width="6" stroke-dasharray="44 36"/>`);
  body.push(bus(540, 745));
  body.push(`<path d="M-20,830 Q800,745 1620,815 L1620,${H} L-20,${H} Z" fill="url(#verge)"/>`);
  for (let i = 0; i < 40; i++) body.push(`<ellipse cx="${n(r() * W)}" cy="${n(850 + r() * 45)}" rx="${n(6 + r() * 14)}" ry="${n(3 + r() * 5)}" fill="#a9865f" fill-opacity="0.7"/>`);
  const defs = [
    linear("sky", [[0, "#8fb6cf"], [0.55, "#e9d8bd"], [1, "#f6c99a"]], 0, 0, 0, 520),
    radial("glow", [[0, "#fff3cf", 0.9], [1, "#fff3cf", 0]], 1190, 300, 260),
    linear("snow", [[0, "#f7f4ef"], [0.45, "#dfe4ea"], [1, "#9eafc2"]], 0, 250, 0, 470),
    linear("ground", [[0, "#c9a676"], [1, "#b48d5f"]], 0, 640, 0, 740),
    linear("verge", [[0, "#c39a68"], [1, "#9c7850"]], 0, 780, 0, H),
  ];
  return svgDocument(defs, body);
}

function bus(x: number, y: number): string {
  const windows = Array.from({ length: 7 }, (_, i) => `<rect x="${x + 70 + i * 52}" y="${y - 132}" width="42" height="44" rx="5" fill="url(#glass)"/>`).join("");
  return (
    `<defs>${linear("glass", [[0, "#d7e6ef"], [1, "#5f7f96"]], 0, y - 132, 0, y - 88)}</defs>` +
    `<ellipse cx="${x + 230}" cy="${y + 4}" rx="250" ry="14" fill="#2d2f34" fill-opacity="0.45"/>` +
    `<rect x="${x}" y="${y - 160}" width="460" height="150" rx="20" fill="#2f6fb0"/>` +
    `<rect x="${x}" y="${y - 78}" width="460" height="16" fill="#f3efe4"/>` +
    `<rect x="${x}" y="${y - 160}" width="460" height="18" rx="12" fill="#255b93"/>` +
    `<rect x="${x + 14}" y="${y - 132}" width="44" height="104" rx="5" fill="#244766"/>` +
    windows +
    `<path d="M${x + 436},${y - 134} h16 a8,8 0 0 1 8,8 v46 h-24 Z" fill="url(#glass)"/>` +
    `<rect x="${x + 446}" y="${y - 48}" width="14" height="10" rx="3" fill="#ffe9a8"/>` +
    `<rect x="${x + 330}" y="${y - 155}" width="80" height="12" rx="3" fill="#f3c64a"/>` +
    [x + 95, x + 370].map((cx) => `<circle cx="${cx}" cy="${y - 10}" r="30" fill="#222428"/><circle cx="${cx}" cy="${y - 10}" r="13" fill="#9aa0a8"/>`).join("")
  );
}

/** Flour sacks and bread at a Herat market stall, a tiled dome beyond the awnings. */
export function flourMarket(): string {
  const r = rng(50);
  const body: string[] = [backdrop("url(#sky)"), `<circle cx="300" cy="180" r="300" fill="url(#glow)"/>`];
  // The dome and minaret, hazy in the distance.
  body.push(`<g fill-opacity="0.8"><rect x="980" y="190" width="44" height="330" fill="#7aa7b8"/><path d="M972,190 h60 l-8,-26 h-44 Z" fill="#6c98aa"/><path d="M990,164 q12,-40 24,0 Z" fill="#5f8ea1"/>`);
  body.push(`<path d="M1110,420 Q1110,250 1250,230 Q1390,250 1390,420 Z" fill="#4f8fa8"/><rect x="1100" y="410" width="300" height="120" fill="#c7ae8c"/><rect x="1240" y="205" width="20" height="30" fill="#4f8fa8"/></g>`);
  body.push(`<rect x="0" y="470" width="${W}" height="90" fill="#d9c09a"/>`);
  // A row of stalls under striped awnings, receding to the right.
  const colours = [["#c8553d", "#f3e3c3"], ["#2e6f8e", "#efe6d2"], ["#d99a2b", "#f6ead0"], ["#6b8f4e", "#efe8d6"]];
  for (let i = 0; i < 6; i++) {
    const x = 560 + i * 180;
    const s = 1 - i * 0.09;
    const [a, b] = colours[i % colours.length]!;
    const top = 470 - 110 * s;
    body.push(`<rect x="${x}" y="${n(top + 40 * s)}" width="${n(170 * s)}" height="${n(150 * s)}" fill="#5a4032"/>`);
    for (let k = 0; k < 6; k++) body.push(`<path d="M${n(x + k * 30 * s)},${n(top)} h${n(30 * s)} l${n(6 * s)},${n(54 * s)} h${n(-30 * s)} Z" fill="${k % 2 ? b : a}"/>`);
    for (let k = 0; k < 5; k++) body.push(`<rect x="${n(x + 12 * s + k * 30 * s)}" y="${n(top + 110 * s)}" width="${n(24 * s)}" height="${n(40 * s)}" rx="6" fill="${["#efe5d3", "#e2cfa6", "#d6b27a"][k % 3]}"/>`);
  }
  for (let i = 0; i < 7; i++) body.push(person(620 + r() * 700, 640 + r() * 20, 150 + r() * 30, { body: ["#5b6e7a", "#7b5a46", "#3f5a4b", "#8a7d6b"][i % 4]!, legs: "#3a3431", head: i % 3 ? "#2b2321" : "#e9e2d3" }));
  body.push(`<rect x="0" y="650" width="${W}" height="${H - 650}" fill="url(#floor)"/>`);
  body.push(flourStack(60, 860, r), breadBasket(1180, 800));
  const defs = [
    linear("sky", [[0, "#f2e3c6"], [1, "#e8c89a"]], 0, 0, 0, 480),
    radial("glow", [[0, "#fff8e6", 0.9], [1, "#fff8e6", 0]], 300, 180, 300),
    linear("floor", [[0, "#b9956b"], [1, "#8d6a48"]], 0, 650, 0, H),
    linear("sack", [[0, "#fbf6ea"], [0.7, "#e9dfca"], [1, "#cbbd9f"]], 0, 0, 1, 0, true),
    radial("naan", [[0, "#e9b66f"], [0.75, "#c98a45"], [1, "#9b6431"]], 0.5, 0.4, 0.6, true),
  ];
  return svgDocument(defs, body);
}

function flourStack(x0: number, floor: number, r: () => number): string {
  const out: string[] = [`<rect x="${x0 - 20}" y="${floor - 24}" width="560" height="24" fill="#7a5636"/>`];
  const rows = [5, 4, 3];
  rows.forEach((count, row) => {
    for (let i = 0; i < count; i++) {
      const x = x0 + row * 52 + i * 104 + r() * 6;
      const y = floor - 24 - row * 118;
      out.push(
        `<g transform="translate(${n(x)},${n(y)}) rotate(${n((r() - 0.5) * 4)})"><path d="M4,0 Q-6,-60 6,-118 Q50,-128 94,-118 Q106,-60 96,0 Q50,8 4,0 Z" fill="url(#sack)" stroke="#b9aa8a" stroke-width="1.5"/>` +
          `<rect x="10" y="-78" width="80" height="16" fill="${["#3c7a5a", "#b5443a", "#2f5f8a"][(row + i) % 3]}" fill-opacity="0.85"/>` +
          `<path d="M10,-112 q40,8 80,0" fill="none" stroke="#a89777" stroke-width="2" stroke-dasharray="5 4"/></g>`,
      );
    }
  });
  return out.join("");
}

function breadBasket(x: number, y: number): string {
  const loaves = [[0, 0], [120, 10], [240, -4], [60, -40], [180, -36]]
    .map(([dx, dy]) => `<ellipse cx="${x + dx! + 60}" cy="${y + dy! - 30}" rx="78" ry="30" fill="url(#naan)"/><path d="M${x + dx! + 10},${y + dy! - 30} q50,-14 100,0" fill="none" stroke="#f3d199" stroke-width="3" stroke-opacity="0.8"/>`)
    .join("");
  return `<path d="M${x - 40},${y - 20} h380 l-30,90 h-320 Z" fill="#8b5a2b"/><path d="M${x - 40},${y - 20} h380" stroke="#6d4420" stroke-width="10"/>${loaves}`;
}

/** Health workers climbing a path between pastel hillside houses, a cool box on one's shoulder. */
export function hillsideVaccination(): string {
  const r = rng(20);
  const body: string[] = [backdrop("url(#sky)"), ridge(r, 330, 120, "#b7c3cf", 6), ridge(r, 420, 70, "#a3afbb", 5)];
  // The hillside, rising from bottom-left to top-right, covered with houses in rows.
  body.push(`<path d="M-20,${H} L-20,610 Q500,540 900,420 Q1200,320 1620,260 L1620,${H} Z" fill="#c8a57c"/>`);
  for (let row = 0; row < 11; row++) {
    for (let i = 0; i < 16; i++) {
      const x = i * 110 + (row % 2) * 55 + r() * 20 - 40;
      const slopeY = 630 - (x / W) * 360 + row * 48 - 10;
      if (slopeY > H + 40 || slopeY < 250) continue;
      if (x > 560 && x < 920 && row > 3) continue; // the path stays clear
      const w = 70 + r() * 40;
      body.push(house(x, slopeY + 40, w, 46 + r() * 22, PASTELS[Math.floor(r() * PASTELS.length)]!, "#5c6f7d", r));
    }
  }
  // Steps up the hill.
  body.push(`<path d="M560,${H} L640,600 Q700,470 820,430 L870,436 Q760,490 720,600 L700,${H} Z" fill="#d9c4a2"/>`);
  for (let y = 880; y > 610; y -= 30) {
    const t = (900 - y) / 300;
    const w = 140 - 60 * t;
    body.push(`<rect x="${n(630 + 50 * t - w / 2)}" y="${y}" width="${n(w)}" height="5" fill="#b89d76"/>`);
  }
  body.push(person(640, 780, 230, { body: "#2d6f9f", legs: "#2f3338", head: "#3b6ea0" }));
  body.push(`<rect x="590" y="640" width="56" height="40" rx="6" fill="#f4f4f2" stroke="#c9ced3" stroke-width="3"/><rect x="610" y="650" width="16" height="20" fill="#3a8ec4"/><rect x="603" y="657" width="30" height="6" fill="#3a8ec4"/><path d="M600,640 L640,580" stroke="#3a3a3a" stroke-width="4"/>`);
  body.push(person(740, 690, 200, { body: "#2d6f9f", legs: "#2f3338", head: "#e4e7ea" }));
  // A mother and child waiting at a green door.
  body.push(`<rect x="960" y="560" width="150" height="140" fill="#e7b8a8"/><rect x="1010" y="610" width="46" height="90" fill="#3f7d5c"/>`);
  body.push(person(1080, 705, 170, { body: "#7a3b52", legs: "#3a3431", head: "#2f2a3a" }), person(1118, 705, 95, { body: "#e0a33b", legs: "#4a4a52" }));
  const defs = [linear("sky", [[0, "#a9cbe0"], [1, "#eef2ea"]], 0, 0, 0, 420)];
  return svgDocument(defs, body);
}

/** A cricket final under floodlights at dusk: the pitch, fielders, a full stand, mountains beyond. */
export function cricketFinal(): string {
  const r = rng(40);
  const body: string[] = [backdrop("url(#sky)"), ridge(r, 330, 110, "#4b3f6b", 6)];
  // Floodlight towers, their glow first so the stand covers the foot of it.
  const towers = [160, 560, 1060, 1450];
  for (const x of towers) body.push(`<circle cx="${x}" cy="150" r="230" fill="url(#flood)"/>`);
  for (const x of towers) {
    body.push(`<path d="M${x - 6},420 L${x - 3},170 h6 L${x + 6},420 Z" fill="#2c2740"/><rect x="${x - 52}" y="118" width="104" height="56" rx="4" fill="#3a3350"/>`);
    for (let i = 0; i < 4; i++) for (let j = 0; j < 2; j++) body.push(`<rect x="${x - 46 + i * 24}" y="${124 + j * 24}" width="20" height="20" rx="3" fill="#fffbe8"/>`);
  }
  // The stand: a curved tier packed with spectators.
  body.push(`<path d="M-20,470 Q800,330 1620,470 L1620,560 Q800,450 -20,560 Z" fill="#2f2a44"/>`);
  const crowd = ["#e8d9c4", "#c9524a", "#2f6fb0", "#f0c75e", "#ffffff", "#7ab07a", "#d98a5a"];
  for (let i = 0; i < 900; i++) {
    const x = r() * W;
    const t = (x - 800) / 820;
    const top = 470 - 140 * (1 - t * t);
    const y = top + 10 + r() * 70;
    body.push(`<circle cx="${n(x)}" cy="${n(y)}" r="${n(3 + r() * 2.5)}" fill="${crowd[Math.floor(r() * crowd.length)]}" fill-opacity="${n(0.55 + r() * 0.4)}"/>`);
  }
  body.push(`<path d="M-20,560 Q800,450 1620,560 L1620,575 Q800,468 -20,578 Z" fill="#f4f1ea"/>`);
  // The outfield, with mown stripes, and the pitch.
  body.push(`<path d="M-20,578 Q800,468 1620,575 L1620,${H} L-20,${H} Z" fill="url(#grass)"/>`);
  for (let i = 0; i < 9; i++) {
    if (i % 2) continue;
    const a = 540 + i * 45;
    body.push(`<path d="M-20,${n(a + 40 + i * 8)} Q800,${n(a - 60 + i * 14)} 1620,${n(a + 40 + i * 8)} L1620,${n(a + 85 + i * 10)} Q800,${n(a - 15 + i * 16)} -20,${n(a + 85 + i * 10)} Z" fill="#5f9a4c" fill-opacity="0.35"/>`);
  }
  body.push(`<path d="M735,560 L865,560 L930,860 L670,860 Z" fill="#cdb38a"/><path d="M728,592 h144 M680,820 h240" stroke="#fbfaf5" stroke-width="4"/>`);
  for (const x of [792, 800, 808]) body.push(`<rect x="${x - 2}" y="566" width="4" height="26" fill="#f6ecd0"/>`);
  for (const x of [776, 800, 824]) body.push(`<rect x="${x - 3.5}" y="776" width="7" height="46" fill="#f6ecd0"/>`);
  const whites = { body: "#fbfaf4", legs: "#efece2", head: "#1f3b66" };
  body.push(person(760, 835, 150, whites), `<path d="M770,760 L805,700" stroke="#d9b77c" stroke-width="8" stroke-linecap="round"/>`);
  body.push(person(830, 598, 62, whites), person(880, 600, 60, whites));
  for (const [x, y, h] of [[300, 640, 70], [560, 610, 58], [1120, 615, 60], [1330, 660, 78], [1480, 760, 104], [170, 790, 108]] as const) body.push(person(x, y, h, whites));
  const defs = [
    linear("sky", [[0, "#231f4a"], [0.5, "#7a4a86"], [0.8, "#d9768a"], [1, "#f3ab74"]], 0, 0, 0, 420),
    radial("flood", [[0, "#fff6d8", 0.7], [0.3, "#fff0c4", 0.22], [1, "#fff0c4", 0]], 0.5, 0.5, 0.5, true),
    linear("grass", [[0, "#3f7a3a"], [1, "#2f6330"]], 0, 560, 0, H),
  ];
  return svgDocument(defs, body);
}

/** A courtyard hand pump pouring into a bucket, three water-sample bottles on the wall beside it. */
export function wellSamples(): string {
  const r = rng(215);
  const body: string[] = [backdrop("url(#sky)"), `<rect x="0" y="150" width="${W}" height="560" fill="url(#wall)"/>`];
  for (let row = 0; row < 14; row++) {
    const y = 170 + row * 38;
    for (let i = -1; i < 22; i++) body.push(`<rect x="${n(i * 78 + (row % 2) * 39 + r() * 3)}" y="${y}" width="72" height="32" rx="3" fill="#c79a68" fill-opacity="${n(0.25 + r() * 0.3)}"/>`);
  }
  body.push(`<rect x="0" y="140" width="${W}" height="22" fill="#a97c4f"/>`);
  // A mulberry tree over the wall, its shadow on the bricks.
  for (let i = 0; i < 60; i++) body.push(`<circle cx="${n(1180 + r() * 460)}" cy="${n(r() * 260 - 20)}" r="${n(40 + r() * 50)}" fill="${["#4f7a3a", "#5f8b45", "#3f6a33"][i % 3]}"/>`);
  body.push(`<path d="M700,710 L880,250 Q1100,200 1600,330 L1600,710 Z" fill="#5b3f28" fill-opacity="0.13"/>`);
  body.push(`<rect x="0" y="700" width="${W}" height="${H - 700}" fill="url(#yard)"/>`);
  // The pump: concrete plinth, cast-iron body, spout and handle.
  body.push(`<rect x="440" y="680" width="300" height="60" rx="6" fill="#a9a49a"/><rect x="440" y="680" width="300" height="12" fill="#bdb8ad"/>`);
  body.push(`<rect x="540" y="380" width="84" height="310" rx="10" fill="url(#iron)"/><rect x="530" y="360" width="104" height="34" rx="8" fill="#2c5142"/>`);
  body.push(`<path d="M540,450 h-110 a18,18 0 0 0 -18,18 v16 h36 v-2 h92 Z" fill="#2f5748"/><path d="M632,372 L820,250" stroke="#2c5142" stroke-width="22" stroke-linecap="round"/>`);
  // Water falling into a zinc bucket.
  body.push(`<path d="M418,484 q4,120 8,230 h22 q-4,-110 -2,-230 Z" fill="#bfe3f2" fill-opacity="0.85"/><path d="M424,500 q3,100 6,200" stroke="#ffffff" stroke-width="4" stroke-opacity="0.7" fill="none"/>`);
  body.push(`<path d="M340,700 h190 l-22,150 h-146 Z" fill="url(#zinc)"/><ellipse cx="435" cy="700" rx="95" ry="18" fill="#7fa9bd"/><ellipse cx="435" cy="700" rx="95" ry="18" fill="none" stroke="#c9d1d6" stroke-width="6"/>`);
  body.push(`<path d="M342,704 Q435,560 528,704" fill="none" stroke="#8e979e" stroke-width="5"/>`);
  // A ledge with three labelled sample bottles and a field-test card.
  body.push(`<rect x="960" y="560" width="460" height="26" fill="#9b7047"/><rect x="960" y="586" width="460" height="10" fill="#7a5535" fill-opacity="0.6"/>`);
  [[1000, "#f0c75e"], [1110, "#e07a5f"], [1220, "#7bb07a"]].forEach(([x, tag]) => {
    body.push(
      `<rect x="${x}" y="430" width="86" height="130" rx="14" fill="#d6ecf4" fill-opacity="0.9"/><rect x="${x}" y="470" width="86" height="90" rx="12" fill="#8cc7df" fill-opacity="0.9"/>` +
        `<rect x="${Number(x) + 22}" y="408" width="42" height="26" rx="4" fill="#f4f2ec"/><rect x="${Number(x) + 10}" y="488" width="66" height="36" fill="${tag}"/>` +
        `<rect x="${Number(x) + 18}" y="500" width="50" height="4" fill="#ffffff" fill-opacity="0.8"/><rect x="${Number(x) + 18}" y="510" width="34" height="4" fill="#ffffff" fill-opacity="0.8"/>` +
        `<rect x="${Number(x) + 8}" y="440" width="10" height="110" rx="5" fill="#ffffff" fill-opacity="0.45"/>`,
    );
  });
  body.push(`<rect x="1330" y="470" width="70" height="90" rx="4" fill="#f7f4ec"/>${["#e6d36b", "#9cc96b", "#6fb3c9", "#c98a6b"].map((c, i) => `<rect x="1342" y="${482 + i * 18}" width="46" height="10" fill="${c}"/>`).join("")}`);
  const defs = [
    linear("sky", [[0, "#9ccbe6"], [1, "#dceef6"]], 0, 0, 0, 160),
    linear("wall", [[0, "#e2b984"], [1, "#d3a56f"]], 0, 150, 0, 710),
    linear("yard", [[0, "#c9a77c"], [1, "#a9865c"]], 0, 700, 0, H),
    linear("iron", [[0, "#1f3d32"], [0.45, "#3d6b58"], [1, "#1c3a2f"]], 0, 0, 1, 0, true),
    linear("zinc", [[0, "#8f989f"], [0.4, "#d3d9dd"], [1, "#7d868d"]], 0, 0, 1, 0, true),
  ];
  return svgDocument(defs, body);
}

/** A poetry evening in a courtyard: a poet at a microphone on a carpeted stage, lights strung overhead, the audience in silhouette. */
export function poetryEvening(): string {
  const r = rng(1400);
  const body: string[] = [backdrop("url(#sky)"), `<path d="M1320,120 a56,56 0 1 0 40,96 a44,44 0 1 1 -40,-96 Z" fill="#f6edd0"/>`];
  for (let i = 0; i < 70; i++) body.push(`<circle cx="${n(r() * W)}" cy="${n(r() * 300)}" r="${n(0.8 + r() * 1.8)}" fill="#ffffff" fill-opacity="${n(0.3 + r() * 0.6)}"/>`);
  // The courtyard's back wall with lit arched niches.
  body.push(`<rect x="0" y="340" width="${W}" height="300" fill="#3a2f4f"/>`);
  for (let i = 0; i < 8; i++) {
    const x = 40 + i * 200;
    body.push(`<path d="M${x},620 V440 Q${x},380 ${x + 60},370 Q${x + 120},380 ${x + 120},440 V620 Z" fill="url(#niche)"/>`);
  }
  // A plane tree on the left.
  body.push(`<path d="M120,640 L150,300 L170,300 L210,640 Z" fill="#241d31"/>`);
  for (let i = 0; i < 40; i++) body.push(`<circle cx="${n(40 + r() * 330)}" cy="${n(60 + r() * 260)}" r="${n(40 + r() * 40)}" fill="#231c30"/>`);
  // Strings of bulbs.
  for (const [y0, sag] of [[120, 140], [200, 110]] as const) {
    body.push(`<path d="M-20,${y0} Q800,${y0 + sag * 2} 1620,${y0}" fill="none" stroke="#1b1526" stroke-width="3"/>`);
    for (let i = 0; i <= 26; i++) {
      const t = i / 26;
      const x = -20 + 1640 * t;
      const y = (1 - t) * (1 - t) * y0 + 2 * t * (1 - t) * (y0 + sag * 2) + t * t * y0;
      body.push(`<circle cx="${n(x)}" cy="${n(y + 10)}" r="26" fill="url(#bulb)"/><circle cx="${n(x)}" cy="${n(y + 10)}" r="6" fill="#fff1c2"/>`);
    }
  }
  // The stage and its carpet.
  body.push(`<rect x="420" y="600" width="760" height="70" fill="#5b2a2f"/><rect x="470" y="600" width="660" height="20" fill="#8f2f35"/>`);
  for (let i = 0; i < 22; i++) body.push(`<path d="M${490 + i * 29},610 l10,-8 l10,8 l-10,8 Z" fill="#e0b056"/>`);
  body.push(`<circle cx="800" cy="420" r="190" fill="url(#spot)"/>`);
  body.push(person(800, 606, 250, { body: "#2d3f5f", legs: "#2a2a33", head: "#1a1622", skin: "#c08a62" }));
  body.push(`<rect x="812" y="448" width="40" height="52" fill="#f4efe2" transform="rotate(-8 832 474)"/>`);
  body.push(`<path d="M760,606 L760,470" stroke="#1a1620" stroke-width="4"/><rect x="754" y="462" width="12" height="20" rx="5" fill="#1a1620"/><path d="M740,606 h40" stroke="#1a1620" stroke-width="5"/>`);
  // The audience, seen from behind.
  for (let row = 0; row < 3; row++) {
    for (let i = 0; i < 12; i++) {
      const w = 120 + row * 40 + r() * 20;
      body.push(backView(i * 150 + (row % 2) * 70 - 40 + r() * 30, 660 + row * 70, w, row === 2 ? "#0e0b14" : row ? "#17121f" : "#211a2c"));
    }
  }
  const defs = [
    linear("sky", [[0, "#0f1233"], [0.6, "#2b2a5a"], [1, "#4b3a66"]], 0, 0, 0, 400),
    linear("niche", [[0, "#f0b35e"], [1, "#a5553a"]], 0, 370, 0, 620),
    radial("bulb", [[0, "#ffe6a3", 0.9], [1, "#ffd27a", 0]], 0.5, 0.5, 0.5, true),
    radial("spot", [[0, "#ffdca0", 0.45], [1, "#ffdca0", 0]], 0.5, 0.5, 0.5, true),
  ];
  return svgDocument(defs, body);
}

/** A book fair: white tents, bunting, tables of books and visitors browsing. */
export function bookFair(): string {
  const r = rng(60);
  const body: string[] = [backdrop("url(#sky)"), ridge(r, 380, 80, "#b9c6cf", 5), `<rect x="0" y="420" width="${W}" height="${H - 420}" fill="url(#ground)"/>`];
  const spines = ["#c8553d", "#2e6f8e", "#e0b04a", "#4f7a4a", "#7a4a6e", "#e8e0cc", "#1f3b5c", "#d98a5a"];
  for (let t = 0; t < 3; t++) {
    const x = 60 + t * 520;
    // Tent: peaked roof, open front, a table of books standing and stacked.
    body.push(`<path d="M${x},300 L${x + 220},200 L${x + 440},300 Z" fill="#fbfaf6"/><path d="M${x},300 h440 v26 h-440 Z" fill="${["#c8553d", "#2e6f8e", "#4f7a4a"][t]}"/>`);
    for (let k = 0; k < 11; k++) body.push(`<path d="M${x + k * 40},326 h40 l-20,22 Z" fill="${["#c8553d", "#2e6f8e", "#4f7a4a"][t]}"/>`);
    body.push(`<rect x="${x + 8}" y="326" width="424" height="270" fill="#e9e4d8"/><rect x="${x}" y="300" width="10" height="330" fill="#b7b2a6"/><rect x="${x + 430}" y="300" width="10" height="330" fill="#b7b2a6"/>`);
    for (let shelf = 0; shelf < 2; shelf++) {
      let bx = x + 30;
      const base = 450 + shelf * 80;
      body.push(`<rect x="${x + 20}" y="${base}" width="400" height="8" fill="#8b6a48"/>`);
      while (bx < x + 400) {
        const w = 10 + r() * 14;
        const h = 44 + r() * 26;
        body.push(`<rect x="${n(bx)}" y="${n(base - h)}" width="${n(w)}" height="${n(h)}" fill="${spines[Math.floor(r() * spines.length)]}"/>`);
        bx += w + 2;
      }
    }
    body.push(`<rect x="${x - 20}" y="590" width="480" height="26" fill="#7a5535"/><rect x="${x - 10}" y="616" width="14" height="80" fill="#5e412a"/><rect x="${x + 436}" y="616" width="14" height="80" fill="#5e412a"/>`);
    for (let k = 0; k < 7; k++) {
      const c1 = spines[Math.floor(r() * spines.length)];
      body.push(`<path d="M${x + 10 + k * 64},590 l10,-34 h44 l-10,34 Z" fill="${c1}"/><path d="M${x + 20 + k * 64},556 h44 v-6 h-44 Z" fill="#f7f1e2"/>`);
    }
  }
  // Bunting across the top.
  for (const [y0, sag] of [[40, 90], [110, 60]] as const) {
    body.push(`<path d="M-20,${y0} Q800,${y0 + sag * 2} 1620,${y0}" fill="none" stroke="#6d6a66" stroke-width="2"/>`);
    for (let i = 0; i < 34; i++) {
      const t = (i + 0.5) / 34;
      const x = -20 + 1640 * t;
      const y = (1 - t) * (1 - t) * y0 + 2 * t * (1 - t) * (y0 + sag * 2) + t * t * y0;
      body.push(`<path d="M${n(x - 16)},${n(y)} h32 l-16,36 Z" fill="${spines[i % 5]}"/>`);
    }
  }
  // Visitors browsing, a child among them.
  const clothes = [
    { body: "#5b6e7a", legs: "#34302e", head: "#2b2321" },
    { body: "#8c3f4e", legs: "#3a3431", head: "#3f2f45" },
    { body: "#d9c7a4", legs: "#4a4540", head: "#ece6da" },
    { body: "#3f5a4b", legs: "#2e2b2a", head: "#2b2321" },
    { body: "#2e4a6e", legs: "#2e2b2a", head: "#7b3b3b" },
  ];
  for (const [x, h, c] of [[180, 330, 0], [420, 300, 1], [640, 190, 4], [900, 320, 2], [1150, 290, 3], [1390, 340, 1], [1540, 300, 0]] as const) body.push(person(x, 860 + (h % 40), h, clothes[c]!));
  const defs = [linear("sky", [[0, "#8ec0de"], [1, "#e6f0f0"]], 0, 0, 0, 420), linear("ground", [[0, "#d8c7a6"], [1, "#b99d73"]], 0, 420, 0, H)];
  return svgDocument(defs, body);
}

/** A calligrapher's desk from above: a sheet of abstract ink strokes in a gilded border, a reed pen, an inkwell and a practice sheet of rhombic dots. */
export function calligraphyDesk(): string {
  const r = rng(86);
  const body: string[] = [backdrop("url(#desk)")];
  for (let i = 0; i < 26; i++) body.push(`<path d="M-20,${n(i * 36 + r() * 10)} Q800,${n(i * 36 + r() * 30 - 15)} 1620,${n(i * 36 + r() * 10)}" stroke="#5a3820" stroke-width="${n(1 + r() * 2)}" stroke-opacity="0.18" fill="none"/>`);
  // The practice sheet, under the main one.
  body.push(`<g transform="rotate(9 1230 420)"><rect x="1020" y="120" width="440" height="600" fill="#efe5cd"/>`);
  for (let row = 0; row < 9; row++) for (let k = 0; k <= row % 4 + 2; k++) body.push(`<path d="M${1070 + k * 26 + row * 6},${170 + row * 58} l10,-10 l10,10 l-10,10 Z" fill="#1d1a18"/>`);
  body.push(`</g>`);
  // The main sheet: gilded margin, flowing strokes.
  body.push(`<g transform="rotate(-4 640 460)"><rect x="300" y="90" width="690" height="740" fill="#2e5b57"/><rect x="318" y="108" width="654" height="704" fill="url(#gold)"/><rect x="336" y="126" width="618" height="668" fill="#f6eedb"/>`);
  body.push(`<path d="M336,250 h618 M336,670 h618" stroke="#c9a552" stroke-width="3"/>`);
  const strokes = [
    "M880,420 C820,330 700,470 620,400 S500,330 450,430",
    "M900,520 C840,600 760,480 690,560 C640,620 560,540 470,590",
    "M780,330 q10,70 -20,110",
    "M560,300 q16,60 -10,120",
    "M860,610 c-40,30 -90,40 -140,20",
  ];
  for (const [i, d] of strokes.entries()) body.push(`<path d="${d}" fill="none" stroke="#1b1816" stroke-width="${[20, 18, 12, 12, 14][i]}" stroke-linecap="round"/>`);
  for (const [x, y] of [[720, 360], [520, 500], [820, 470], [600, 620]] as const) body.push(`<path d="M${x},${y} l12,-12 l12,12 l-12,12 Z" fill="#1b1816"/>`);
  body.push(`<path d="M350,180 h60 M900,740 h40" stroke="#b5433a" stroke-width="8"/></g>`);
  // Inkwell and reed pen.
  body.push(`<ellipse cx="1170" cy="780" rx="110" ry="100" fill="#1c1a1f" fill-opacity="0.35"/><circle cx="1150" cy="760" r="100" fill="#3d5f78"/><circle cx="1150" cy="760" r="70" fill="#2a3f52"/><circle cx="1150" cy="760" r="52" fill="#0e0d10"/><circle cx="1132" cy="742" r="12" fill="#ffffff" fill-opacity="0.35"/>`);
  body.push(`<path d="M240,900 L262,908 L1030,330 L1040,302 L1012,316 Z" fill="#1c1a1f" fill-opacity="0.25" transform="translate(14 14)"/>`);
  body.push(`<path d="M240,890 L262,898 L1030,330 L1040,302 L1012,316 Z" fill="url(#reed)"/><path d="M1030,330 L1040,302 L1012,316 Z" fill="#2a2018"/>`);
  const defs = [
    linear("desk", [[0, "#8a5a36"], [1, "#6d4428"]], 0, 0, W, H),
    linear("gold", [[0, "#e3c06b"], [0.5, "#f4dc98"], [1, "#c79d45"]], 0, 0, 1, 1, true),
    linear("reed", [[0, "#c79a5e"], [0.5, "#e8c58b"], [1, "#a8793f"]], 0, 0, 1, 1, true),
  ];
  return svgDocument(defs, body);
}

/** Inside a covered bazaar: brick arches receding, light falling through the domes' openings onto shopfronts. */
export function coveredBazaar(): string {
  const r = rng(98);
  const vx = 800;
  const vy = 430;
  const body: string[] = [backdrop("#f6dfb0")];
  const arches = 7;
  // From the far end to the nearest arch; each bay's side walls, shops and light, then its arch face.
  for (let i = arches - 1; i >= 0; i--) {
    const s = 1 / (1 + i * 0.55);
    const s2 = 1 / (1 + (i + 1) * 0.55);
    const half = 520 * s;
    const half2 = 520 * s2;
    const floor = vy + 470 * s;
    const floor2 = vy + 470 * s2;
    const spring = vy - 200 * s;
    const spring2 = vy - 200 * s2;
    body.push(`<path d="M${n(vx - half)},${n(floor)} L${n(vx - half2)},${n(floor2)} L${n(vx + half2)},${n(floor2)} L${n(vx + half)},${n(floor)} Z" fill="${i % 2 ? "#b08a63" : "#a57f58"}"/>`);
    for (const side of [-1, 1]) {
      const x1 = vx + side * half;
      const x2 = vx + side * half2;
      body.push(`<path d="M${n(x1)},${n(floor)} L${n(x2)},${n(floor2)} L${n(x2)},${n(spring2 - 300 * s2)} L${n(x1)},${n(spring - 300 * s)} Z" fill="#8a5f3e"/>`);
      const goods = ["#c8553d", "#2e6f8e", "#e0b04a", "#4f7a4a", "#7a4a6e"][Math.floor(r() * 5)];
      const a = 0.18;
      const b = 0.82;
      const xa = x1 + (x2 - x1) * a;
      const xb = x1 + (x2 - x1) * b;
      const fa = floor + (floor2 - floor) * a;
      const fb = floor + (floor2 - floor) * b;
      const ta = spring + (spring2 - spring) * a;
      const tb = spring + (spring2 - spring) * b;
      body.push(`<path d="M${n(xa)},${n(fa)} L${n(xb)},${n(fb)} L${n(xb)},${n(tb)} L${n(xa)},${n(ta)} Z" fill="#f2b65e"/>`);
      for (let k = 0; k < 4; k++) {
        const u = a + ((b - a) * (k + 0.5)) / 4;
        const x = x1 + (x2 - x1) * u;
        const f = floor + (floor2 - floor) * u;
        const t = spring + (spring2 - spring) * u;
        body.push(`<rect x="${n(x - 16 * s)}" y="${n(t + (f - t) * 0.3)}" width="${n(30 * s)}" height="${n((f - t) * 0.6)}" rx="${n(6 * s)}" fill="${k % 2 ? goods : "#e9dcc2"}"/>`);
      }
    }
    body.push(`<path d="M${n(vx - half * 0.25)},${n(spring - 300 * s)} L${n(vx + half * 0.25)},${n(spring - 300 * s)} L${n(vx + half * 0.6)},${n(floor)} L${n(vx - half * 0.6)},${n(floor)} Z" fill="#fff4d2" fill-opacity="0.22"/>`);
    const face = i === 0 ? "#7c5234" : i % 2 ? "#b9855a" : "#a87650";
    const open = `M${n(vx - half)},${n(floor)} V${n(spring)} Q${n(vx - half)},${n(spring - 260 * s)} ${n(vx)},${n(spring - 330 * s)} Q${n(vx + half)},${n(spring - 260 * s)} ${n(vx + half)},${n(spring)} V${n(floor)} Z`;
    body.push(`<path d="M-20,-20 H${W + 20} V${H + 20} H-20 Z ${open}" fill="${face}" fill-rule="evenodd"/>`);
    body.push(`<path d="${open}" fill="none" stroke="#e2b98a" stroke-width="${n(10 * s)}" stroke-opacity="0.6"/>`);
  }
  for (const [x, y, h] of [[690, 700, 150], [930, 640, 96], [760, 590, 64], [560, 860, 240]] as const) body.push(person(x, y, h, { body: ["#5b6e7a", "#7b5a46", "#3f5a4b", "#2e4a6e"][Math.round(h) % 4]!, legs: "#34302e", head: "#2b2321" }));
  return svgDocument([], body);
}
