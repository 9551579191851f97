// Turns each figure's ECharts option (a JSON script beside its PNG) into an interactive chart: hover shows a
// point's values, a click on the legend toggles a series (a ridge's dots and its theory line together), the
// mouse wheel or the toolbox zooms (log axes included), "restore" undoes it. Without JavaScript, or if ECharts
// is missing, the PNG stays.
(function () {
  if (typeof echarts === 'undefined') {
    return;
  }
  function label(value, lastTick) {
    if (lastTick !== undefined && value > lastTick * 1.0001) {
      return '';
    }
    var exponent = Math.floor(Math.log10(value) + 1e-9);
    if (exponent >= -3 && exponent < 5) {
      return String(Number(value.toPrecision(6)));
    }
    return Number((value / Math.pow(10, exponent)).toPrecision(3)) + 'e' + exponent;
  }
  function axis(spec) {
    var lastTick = spec.lastTick;
    delete spec.lastTick;
    if (spec.type === 'log' && spec.max / spec.min < 100) {
      spec.logBase = 2; // within two decades, labels at 0.5, 1, 2, 4 rather than one at 1
    }
    spec.axisLabel = {
      formatter: function (v) { return label(v, lastTick); },
      hideOverlap: true,
      showMinLabel: false,
      showMaxLabel: false
    };
    return spec;
  }
  document.querySelectorAll('script[type="application/json"][data-chart]').forEach(function (script) {
    var figure = script.closest('figure');
    var holder = figure.querySelector('.echart');
    var image = figure.querySelector('img');
    var option = JSON.parse(script.textContent);
    option.xAxis = axis(option.xAxis);
    option.yAxis = axis(option.yAxis);
    option.tooltip = {
      trigger: 'item',
      confine: true,
      formatter: function (p) {
        if (p.data && p.data.tip) {
          return p.data.tip;
        }
        var v = p.value || (p.data && p.data.value);
        return p.seriesName + (v ? ': (' + label(v[0]) + ', ' + label(v[1]) + ')' : '');
      }
    };
    option.toolbox = {right: 10, feature: {dataZoom: {}, restore: {}}};
    option.dataZoom = [
      {type: 'inside', xAxisIndex: 0, filterMode: 'none'},
      {type: 'inside', yAxisIndex: 0, filterMode: 'none'}
    ];
    holder.style.display = 'block';
    // Long titles wrap within the chart's own width.
    option.title.textStyle.width = Math.max(200, holder.clientWidth - 200);
    try {
      echarts.init(holder, null, {renderer: 'canvas'}).setOption(option);
      image.style.display = 'none'; // only once the chart stands in its place
    } catch (e) {
      holder.style.display = 'none'; // the PNG stays; the error is in the console
      console.error('rfsweep: figure ' + script.dataset.chart + ': ' + e);
    }
  });
})();
