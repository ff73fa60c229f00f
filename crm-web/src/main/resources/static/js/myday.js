// My day, with JavaScript: "select all" boxes for the overdue and today lists, and a close button on the message of
// the last action (on a phone it floats at the bottom of the screen). Without JavaScript neither is shown: each line's
// box is ticked by hand, and the message sits at the top of the page the form came back to.
// Delegated from the document, so it keeps working after htmx swaps the list.
(function () {
    document.documentElement.classList.add('js-enabled');

    function reveal() {
        document.querySelectorAll('[data-select-all], [data-dismiss-notice]').forEach(function (control) {
            control.hidden = false;
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
    document.addEventListener('click', function (e) {
        var close = e.target.closest && e.target.closest('[data-dismiss-notice]');
        if (close) {
            var notice = document.getElementById('myday-notice');
            if (notice) {
                notice.remove();
            }
        }
    });
    document.addEventListener('htmx:afterSwap', reveal);
    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', reveal);
    } else {
        reveal();
    }
})();
