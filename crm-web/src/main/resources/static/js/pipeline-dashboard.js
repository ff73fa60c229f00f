// Draws the dashboard's charts from the figures the server put in data-* attributes (computed in SQL), and writes
// their axes and tooltips in the page's language (<html lang>): amounts with their currency ("200 k€", "€200K"),
// rates as percentages, days with the language's decimal separator. Titles, axis titles and series names come
// from the messages, through the same attributes.
(function () {
    var locale = document.documentElement.lang || 'fr';

    function numbers(value) {
        return value ? value.split('|').map(Number) : [];
    }

    // data-format: "currency" (with data-currency), "percent" (figures are fractions) or "number".
    function formats(canvas) {
        var kind = canvas.dataset.format;
        if (kind === 'currency') {
            var currency = canvas.dataset.currency || 'EUR';
            return {
                full: new Intl.NumberFormat(locale, {style: 'currency', currency: currency, maximumFractionDigits: 0}),
                tick: new Intl.NumberFormat(locale, {style: 'currency', currency: currency, notation: 'compact'})
            };
        }
        if (kind === 'percent') {
            var percent = new Intl.NumberFormat(locale, {style: 'percent', maximumFractionDigits: 1});
            return {full: percent, tick: percent};
        }
        var number = new Intl.NumberFormat(locale, {maximumFractionDigits: 1});
        return {full: number, tick: number};
    }

    function axisTitle(text) {
        return {display: Boolean(text), text: text || ''};
    }

    function draw(canvas) {
        if (typeof Chart === 'undefined') {
            return;
        }
        var labels = canvas.dataset.labels ? canvas.dataset.labels.split('|') : [];
        var horizontal = canvas.dataset.chart === 'hbar';
        var format = formats(canvas);
        var datasets = [{label: canvas.dataset.label, data: numbers(canvas.dataset.values), backgroundColor: '#1f3b57'}];
        if (canvas.dataset.values2) {
            datasets.push({label: canvas.dataset.label2, data: numbers(canvas.dataset.values2), backgroundColor: '#6a8cb0'});
        }
        var valueAxis = {
            beginAtZero: true,
            title: axisTitle(horizontal ? canvas.dataset.xTitle : canvas.dataset.yTitle),
            ticks: {callback: function (value) { return format.tick.format(value); }}
        };
        if (canvas.dataset.format === 'percent') {
            valueAxis.max = 1;
        }
        var categoryAxis = {title: axisTitle(horizontal ? canvas.dataset.yTitle : canvas.dataset.xTitle)};
        var tooltip = canvas.dataset.tooltip || '{0}: {1}';
        new Chart(canvas, {
            type: 'bar',
            data: {labels: labels, datasets: datasets},
            options: {
                indexAxis: horizontal ? 'y' : 'x',
                responsive: true,
                maintainAspectRatio: false,
                animation: false,
                locale: locale,
                plugins: {
                    legend: {display: datasets.length > 1},
                    tooltip: {
                        callbacks: {
                            label: function (item) {
                                var value = horizontal ? item.parsed.x : item.parsed.y;
                                return tooltip.replace('{0}', item.dataset.label || '')
                                    .replace('{1}', format.full.format(value));
                            }
                        }
                    }
                },
                scales: horizontal ? {x: valueAxis, y: categoryAxis} : {x: categoryAxis, y: valueAxis}
            }
        });
    }

    function init() {
        document.querySelectorAll('canvas.chart').forEach(draw);
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', init);
    } else {
        init();
    }
})();
