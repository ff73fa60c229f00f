// My day: "select all" boxes for the overdue and today lists, shown only when JavaScript runs (without it, each
// line's box is ticked by hand). Delegated from the document, so it keeps working after htmx swaps the list.
(function () {
    function showSelectAll() {
        document.querySelectorAll('[data-select-all]').forEach(function (box) {
            box.hidden = false;
        });
    }
    document.addEventListener('change', function (e) {
        var all = e.target.closest && e.target.closest('[data-select-all]');
        if (all) {
            var list = document.getElementById(all.dataset.selectAll);
            if (list) {
                list.querySelectorAll('input[name="item"]').forEach(function (box) {
                    box.checked = all.checked;
                });
            }
        }
    });
    document.addEventListener('htmx:afterSwap', showSelectAll);
    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', showSelectAll);
    } else {
        showSelectAll();
    }
})();
