// Draws the dashboard's charts from the figures the server put in data-* attributes (computed in SQL).
(function () {
    function numbers(value) {
        return value ? value.split('|').map(Number) : [];
    }
    function draw(canvas) {
        if (typeof Chart === 'undefined') {
            return;
        }
        var labels = canvas.dataset.labels ? canvas.dataset.labels.split('|') : [];
        var horizontal = canvas.dataset.chart === 'hbar';
        var datasets = [{label: canvas.dataset.label, data: numbers(canvas.dataset.values), backgroundColor: '#1f3b57'}];
        if (canvas.dataset.values2) {
            datasets.push({label: canvas.dataset.label2, data: numbers(canvas.dataset.values2), backgroundColor: '#9fb7cf'});
        }
        new Chart(canvas, {
            type: 'bar',
            data: {labels: labels, datasets: datasets},
            options: {
                indexAxis: horizontal ? 'y' : 'x',
                responsive: true,
                animation: false,
                plugins: {legend: {display: datasets.length > 1}},
                scales: {x: {beginAtZero: true}, y: {beginAtZero: true}}
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
