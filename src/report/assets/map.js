// The map of a member's sites over Natural Earth countries (world-atlas,
// embedded as TopoJSON), projected to the sites' extent. Colour is the worst
// finding at the site; a triangle marks a site whose untrusted equipment
// carries an exposed service (any sector). A member with too many sites to
// draw comes aggregated (report/digest.hpp: the collection's `aggregated`):
// its map draws grid cells, sized by their sites and coloured by their worst
// finding, and says so.
'use strict';
(function (R) {
  // The sites of the member from the assessment's GeoJSON FeatureCollection.
  R.memberSites = function (assessment, member) {
    const sites = assessment.sites;
    if (!sites || sites.type !== 'FeatureCollection') return null;
    return R.list(sites.features).filter((f) => {
      const p = (f && f.properties) || {};
      const g = f && f.geometry;
      return g && g.type === 'Point' && Array.isArray(g.coordinates) && (p.member === member.code || member.networks.includes(p.network));
    });
  };

  // The member's aggregated map ({member, sites, named, exposed, flagged,
  // cell_degrees, cells, flagged_sites}), or null when its sites are points.
  R.memberCells = function (assessment, member) {
    const sites = assessment.sites;
    if (!sites || sites.type !== 'FeatureCollection') return null;
    return R.list(sites.aggregated).find((a) => a && a.member === member.code) || null;
  };

  // A MultiPoint around the sites, padded, for the projection to fit.
  // Mercator height for `width` so the padded box keeps its shape.
  function heightFor(box, width) {
    const [west, south, east, north] = box;
    const y = (lat) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
    const ratio = (y(north) - y(south)) / (((east - west) * Math.PI) / 180);
    return Math.round(Math.max(260, Math.min(540, width * ratio)));
  }

  function extent(points) {
    let [minLon, minLat, maxLon, maxLat] = [Infinity, Infinity, -Infinity, -Infinity];
    points.forEach(([lon, lat]) => {
      minLon = Math.min(minLon, lon); maxLon = Math.max(maxLon, lon);
      minLat = Math.min(minLat, lat); maxLat = Math.max(maxLat, lat);
    });
    const padLon = Math.max(1.5, 0.2 * (maxLon - minLon));
    const padLat = Math.max(1.0, 0.2 * (maxLat - minLat));
    const box = [Math.max(-180, minLon - padLon), Math.max(-85, minLat - padLat), Math.min(180, maxLon + padLon), Math.min(85, maxLat + padLat)];
    return {
      box: box,
      span: box[2] - box[0],
      fit: { type: 'Feature', properties: {}, geometry: { type: 'MultiPoint', coordinates: [[box[0], box[1]], [box[2], box[1]], [box[0], box[3]], [box[2], box[3]]] } },
    };
  }

  const rank = (s) => (s ? 5 - R.severities.indexOf(s) : 0);
  const siteValue = (f) => {
    const p = f.properties || {};
    return {
      lon: f.geometry.coordinates[0], lat: f.geometry.coordinates[1], id: p.id, name: p.name || p.id, kind: p.kind, region: p.region || '—',
      network: p.network, findings: p.findings || 0, worst: p.worst_severity || 'none', rank: rank(p.worst_severity),
      exposure: p.exposed ? 'carries exposed traffic' : 'no exposed traffic', exposed_weight: p.exposed_weight || 0,
      vendors: R.list(p.vendors).join(', '), high_risk: R.list(p.high_risk_vendors).join(', ') || '—',
    };
  };
  const worstScale = { domain: R.severities.concat(['none']), range: R.severities.concat(['none']).map((s) => R.severityColor[s]) };

  function countriesLayer(world) {
    return world ? [{
      data: { values: world, format: { type: 'topojson', feature: 'countries' } },
      mark: { type: 'geoshape', fill: '#eceff1', stroke: '#aab3ba', strokeWidth: 0.6, clip: true },
    }] : [];
  }

  // The side-by-side map and "sites that need attention" table: `values`
  // (each with lon and lat) drawn over the countries with `mark` and
  // `encoding`, projected to their extent; `flagged` holds the worst flagged
  // sites, `flaggedCount` how many there are in all.
  function drawMap(parent, world, options) {
    const box = extent(options.values.map((v) => [v.lon, v.lat]));
    const layers = countriesLayer(world);
    layers.push({ data: { values: options.values }, mark: options.mark, encoding: options.encoding });
    const row = R.el('div', { class: 'side-by-side' });
    const left = R.el('div', { class: 'map-figure' });
    row.appendChild(left);
    parent.appendChild(row);
    const width = Math.min(500, Math.max(320, (parent.clientWidth || 900) - 40));
    const mercator = box.span <= 60;
    R.chart(left, {
      title: options.title,
      caption: options.caption,
      kind: 'map',
      spec: {
        width: width, height: mercator ? heightFor(box.box, width) : Math.round(width * 0.55),
        projection: { type: mercator ? 'mercator' : 'equalEarth', fit: box.fit },
        config: { view: { fill: '#eaf2f8', stroke: '#c9d3da' } },
        layer: layers,
      },
      table: options.table,
    });
    if (options.flagged.length) {
      const attention = R.el('div', { class: 'map-table' }, R.table([
        { label: 'Site', value: (v) => v.name },
        { label: 'Worst finding', render: (v) => R.severityBadge(v.worst === 'none' ? null : v.worst) },
        { label: 'Exposed weight', value: (v) => R.fmt.int(v.exposed_weight), num: true },
      ], options.flagged.slice(0, 12), `Sites that need attention (${options.flaggedCount})`));
      row.appendChild(attention);
    }
  }

  // A member's sites in grid cells: one square per cell, its area by the
  // number of sites, its colour the worst finding there. Every total is the
  // digest's, over all the member's sites.
  function renderCells(parent, cells, world) {
    const values = R.list(cells.cells).map((c) => ({
      lon: c.lon, lat: c.lat, sites: c.sites, named: c.named, exposed: c.exposed, exposed_weight: c.exposed_weight || 0,
      worst: c.worst || 'none', rank: rank(c.worst),
    }));
    const degrees = cells.cell_degrees;
    const flagged = R.list(cells.flagged_sites).filter((f) => f && f.geometry && Array.isArray(f.geometry.coordinates)).map(siteValue)
      .sort((a, b) => b.rank - a.rank || b.exposed_weight - a.exposed_weight);
    drawMap(parent, world, {
      title: 'Sites by finding and exposure, in grid cells',
      caption: `${cells.sites} sites, aggregated into ${values.length} cells of ${degrees}° × ${degrees}° (too many to draw one by one; each site is in assessment.json and sites.geojson); ` +
        `${cells.named} named by a finding, ${cells.exposed} with untrusted equipment on a service's route (any sector).`,
      values: values,
      mark: { type: 'square', filled: true, opacity: 0.85, stroke: '#1d2327', strokeWidth: 0.4 },
      encoding: {
        longitude: { field: 'lon', type: 'quantitative' },
        latitude: { field: 'lat', type: 'quantitative' },
        color: { field: 'worst', type: 'nominal', title: 'worst finding in the cell', scale: worstScale },
        size: { field: 'sites', type: 'quantitative', title: 'sites in the cell', scale: { type: 'sqrt', range: [12, 260] }, legend: { direction: 'horizontal' } },
        order: { field: 'rank', type: 'quantitative' },
        tooltip: [
          { field: 'sites' }, { field: 'named', title: 'named by a finding' }, { field: 'exposed', title: 'carrying exposed traffic' },
          { field: 'worst', title: 'worst finding' }, { field: 'exposed_weight', title: 'exposed weight', format: ',.0f' },
          { field: 'lon', format: '.2f' }, { field: 'lat', format: '.2f' },
        ],
      },
      flagged: flagged,
      flaggedCount: cells.flagged,
      table: R.table([
        { label: 'Cell (centre)', value: (v) => `${v.lat.toFixed(2)}, ${v.lon.toFixed(2)}` },
        { label: 'Sites', value: (v) => v.sites, num: true },
        { label: 'Named by a finding', value: (v) => v.named, num: true },
        { label: 'Carrying exposed traffic', value: (v) => v.exposed, num: true },
        { label: 'Worst', render: (v) => R.severityBadge(v.worst === 'none' ? null : v.worst) },
        { label: 'Exposed weight', value: (v) => R.fmt.int(v.exposed_weight), num: true },
      ], values),
    });
  }

  R.renderMap = function (parent, assessment, member, world) {
    const cells = R.memberCells(assessment, member);
    if (cells) { renderCells(parent, cells, world); return; }
    const features = R.memberSites(assessment, member);
    if (!features) { R.missing(parent, 'The map of sites'); return; }
    if (!features.length) { parent.appendChild(R.el('p', { class: 'missing' }, 'No site of this member has coordinates.')); return; }
    const values = features.map(siteValue);
    const flagged = values.filter((v) => v.findings > 0 || v.exposed_weight > 0).sort((a, b) => b.rank - a.rank || b.exposed_weight - a.exposed_weight);
    drawMap(parent, world, {
      title: 'Sites by finding and exposure',
      caption: `${values.length} sites; ${values.filter((v) => v.findings).length} named by a finding, ${values.filter((v) => v.exposed_weight > 0).length} with untrusted equipment on a service's route (any sector).`,
      values: values,
      mark: { type: 'point', filled: true, opacity: 0.92, stroke: '#1d2327', strokeWidth: 0.7 },
      encoding: {
        longitude: { field: 'lon', type: 'quantitative' },
        latitude: { field: 'lat', type: 'quantitative' },
        color: { field: 'worst', type: 'nominal', title: 'worst finding', scale: worstScale },
        shape: { field: 'exposure', type: 'nominal', title: 'exposure', scale: { domain: ['carries exposed traffic', 'no exposed traffic'], range: ['triangle-up', 'circle'] }, legend: { labelLimit: 300, direction: 'vertical' } },
        size: { condition: { test: 'datum.rank > 0 || datum.exposed_weight > 0', value: 150 }, value: 60 },
        order: { field: 'rank', type: 'quantitative' },
        tooltip: [
          { field: 'name', title: 'site' }, { field: 'id', title: 'id' }, { field: 'kind' }, { field: 'region' },
          { field: 'findings' }, { field: 'worst', title: 'worst finding' }, { field: 'exposed_weight', title: 'exposed weight', format: ',.0f' },
          { field: 'vendors' }, { field: 'high_risk', title: 'high-risk vendors' },
        ],
      },
      flagged: flagged,
      flaggedCount: flagged.length,
      table: R.table([
        { label: 'Site', value: (v) => v.name },
        { label: 'Kind', value: (v) => v.kind },
        { label: 'Region', value: (v) => v.region },
        { label: 'Findings', value: (v) => v.findings, num: true },
        { label: 'Worst', render: (v) => R.severityBadge(v.worst === 'none' ? null : v.worst) },
        { label: 'Exposed weight', value: (v) => R.fmt.int(v.exposed_weight), num: true },
        { label: 'High-risk vendors', value: (v) => v.high_risk },
      ], values),
    });
  };
})(window.Redoubt = window.Redoubt || {});
