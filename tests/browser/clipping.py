"""What a chart's text drawn by Chromium must not do: fall outside the chart's SVG box (an inline SVG clips it) or
run into a neighbour. :data:`CLIPPED_JS` is evaluated on a page (``page.evaluate``) and returns the Plotly charts
drawn and the problems found on them (chart index, title, kind of text, text, problem); charts in a closed tab or
expander (no size) are skipped. Used by ``tests/ui/test_clipping_browser.py`` (every station) and the teacher's
board test (the races chart)."""

from __future__ import annotations

CLIPPED_JS = r"""() => {
  const TOL = 1.5;
  const shown = (el, mark = false) => {
    const cs = getComputedStyle(el);
    if (cs.display === 'none' || cs.visibility === 'hidden' || Number(cs.opacity) === 0) return false;
    const fill = cs.fill || '';
    if (/rgba\([^)]*,\s*0\)$/.test(fill) || Number(cs.fillOpacity) === 0) return false;
    for (let p = el.parentElement; p && !p.classList.contains('js-plotly-plot'); p = p.parentElement) {
      const ps = getComputedStyle(p);
      if (ps.display === 'none' || Number(ps.opacity) === 0) return false;
    }
    return mark || (el.textContent || '').trim().length > 0;
  };
  const kinds = [
    ['title', '.g-gtitle text, .gtitle'],
    ['axis title', '[class^="g-x"][class$="title"] text, [class^="g-y"][class$="title"] text'],
    ['tick label', '.xaxislayer-above text, .yaxislayer-above text'],  // every subplot's axes (x2tick, y3tick …)
    ['legend', '.legendtext'],
    ['annotation', '.annotation-text'],
    ['colour bar', '.cbtitle text, .cbaxis text, .colorbar text'],
    ['slider', '.slider-group text'],
    ['button', '.updatemenu-item-text'],
  ];
  const out = [];
  const plots = [...document.querySelectorAll('.js-plotly-plot')];
  plots.forEach((gd, index) => {
    const svg = gd.querySelector('.main-svg');
    if (!svg) return;
    const box = svg.getBoundingClientRect();
    if (box.width < 2 || box.height < 2) return;  // in a closed tab or expander
    const title = ((gd._fullLayout || {}).title || {}).text || '';
    const items = [];
    for (const [kind, sel] of kinds) {
      for (const el of gd.querySelectorAll(sel)) {
        if (!shown(el)) continue;
        const r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        items.push({kind, el, r, text: el.textContent.trim()});
        const over = {left: box.left - r.left, right: r.right - box.right, top: box.top - r.top, bottom: r.bottom - box.bottom};
        const worst = Object.entries(over).filter(([, v]) => v > TOL);
        if (worst.length) out.push({plot: index, chart: title.slice(0, 60), kind, text: el.textContent.trim().slice(0, 80),
                                    problem: 'clipped ' + worst.map(([s, v]) => `${s} ${v.toFixed(0)}px`).join(', ')});
      }
    }
    // a tick label sits outside its plot area: one that overlaps a bar or a heat-map (another subplot's, drawn
    // too close) is unreadable (station 4's step-through: the GRU grid's "h (state)" ran into the LSTM grid)
    // (a mark's box is cut to its subplot's plot area, as its clip path cuts it: a bar on a log axis runs far below)
    for (const el of gd.querySelectorAll('.barlayer .point path, .heatmaplayer image')) {
      const sub = el.closest('g.subplot');
      const plot = sub && (gd._fullLayout._plots || {})[[...sub.classList].find(c => c !== 'subplot')];
      if (!plot || !shown(el, true)) continue;
      const b = el.getBoundingClientRect();
      const left = box.left + plot.xaxis._offset, top = box.top + plot.yaxis._offset;
      const r = {left: Math.max(b.left, left), right: Math.min(b.right, left + plot.xaxis._length),
                 top: Math.max(b.top, top), bottom: Math.min(b.bottom, top + plot.yaxis._length)};
      if (r.right - r.left < 1 || r.bottom - r.top < 1) continue;
      items.push({kind: 'plotted mark', el, r, text: ''});
    }
    // overlaps between neighbours: the title against everything else; an axis title against tick labels
    const hit = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > TOL && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > TOL;
    const pairs = [['title', ['legend', 'button', 'annotation', 'axis title', 'tick label', 'colour bar', 'slider']],
                   ['axis title', ['tick label', 'legend', 'colour bar']],
                   ['legend', ['legend', 'button', 'annotation', 'colour bar']],
                   ['annotation', ['colour bar', 'button']],
                   ['tick label', ['plotted mark']]];
    for (const [a, others] of pairs) {
      for (const x of items.filter(i => i.kind === a)) {
        for (const y of items.filter(i => others.includes(i.kind) && i.el !== x.el)) {
          if (x.el.contains(y.el) || y.el.contains(x.el)) continue;
          if (a === 'legend' && y.kind === 'legend' && x.text > y.text) continue;
          // a rotated label's box is wider than its glyphs and reaches up into the bars above it: upright ones only
          if (y.kind === 'plotted mark' && /rotate\(\s*-?[1-9]/.test(x.el.getAttribute('transform') || '')) break;
          if (hit(x.r, y.r)) out.push({plot: index, chart: title.slice(0, 60), kind: a, text: x.text.slice(0, 80),
                                       problem: `overlaps ${y.kind} "${y.text.slice(0, 40)}"`});
          if (a === 'tick label' && y.kind === 'plotted mark' && hit(x.r, y.r)) break;  // one report per label
        }
      }
    }
  });
  return {plots: plots.length, problems: out};
}
"""
