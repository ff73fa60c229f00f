// The top bar, for every page. Loaded before the body: it marks the page as scripted (the phone menu then starts
// folded behind its button), then wires the bar once the page is parsed:
// - the menu button of narrow screens, and the menus (details elements) closing one another, on Escape or outside;
// - the search box: "/" or Ctrl+K (Cmd+K) reaches it, Down browses the hits, Up/Down move, Enter in the box opens
//   the first hit when the hits answer what is typed (otherwise the form goes to the results page), Escape leaves.
(function () {
    document.documentElement.classList.add('js');

    function typingIn(element) {
        return element && (element.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(element.tagName));
    }

    function init() {
        var bar = document.querySelector('.topbar');
        if (!bar) {
            return;
        }
        var panel = document.getElementById('topbar-menu');
        var button = bar.querySelector('.menu-button');
        var groups = Array.prototype.slice.call(bar.querySelectorAll('details.menu-group'));
        var narrow = window.matchMedia('(max-width: 1199.98px)');
        var box = document.getElementById('global-search');
        var list = document.getElementById('search-suggestions');

        if (button && panel) {
            button.addEventListener('click', function () {
                var open = panel.classList.toggle('open');
                button.setAttribute('aria-expanded', String(open));
                if (open) {
                    groups.forEach(function (group) { group.open = !group.classList.contains('account-menu'); });
                }
            });
        }
        groups.forEach(function (group) {
            group.addEventListener('toggle', function () {
                if (group.open && !narrow.matches) {
                    groups.forEach(function (other) { if (other !== group) { other.open = false; } });
                }
            });
        });

        function clearHits() {
            if (list) {
                list.innerHTML = '';
            }
        }

        function hits() {
            return list ? Array.prototype.slice.call(list.querySelectorAll('a')) : [];
        }

        document.addEventListener('click', function (event) {
            if (!narrow.matches) {
                groups.forEach(function (group) { if (group.open && !group.contains(event.target)) { group.open = false; } });
            }
            if (!event.target.closest('.topbar-search')) {
                clearHits();
            }
        });

        document.addEventListener('keydown', function (event) {
            if (event.key === 'Escape') {
                var open = groups.filter(function (group) { return group.open && group.contains(document.activeElement); });
                if (open.length && !narrow.matches) {
                    open[0].open = false;
                    open[0].querySelector('summary').focus();
                }
                return;
            }
            if (!box) {
                return;
            }
            var slash = event.key === '/' && !typingIn(event.target) && !event.ctrlKey && !event.metaKey && !event.altKey;
            var ctrlK = (event.key === 'k' || event.key === 'K') && (event.ctrlKey || event.metaKey);
            if (slash || ctrlK) {
                event.preventDefault();
                box.focus();
                box.select();
            }
        });

        if (!box || !list) {
            return;
        }
        box.addEventListener('keydown', function (event) {
            var found = hits();
            if (event.key === 'ArrowDown' && found.length) {
                event.preventDefault();
                found[0].focus();
            } else if (event.key === 'Enter') {
                var answered = list.querySelector('.search-panel');
                var first = list.querySelector('a.search-hit');
                if (first && answered && answered.getAttribute('data-query') === box.value.trim()) {
                    event.preventDefault();
                    window.location.assign(first.href);
                }
            } else if (event.key === 'Escape') {
                clearHits();
            }
        });
        list.addEventListener('keydown', function (event) {
            var found = hits();
            var at = found.indexOf(document.activeElement);
            if (event.key === 'ArrowDown') {
                event.preventDefault();
                found[Math.min(at + 1, found.length - 1)].focus();
            } else if (event.key === 'ArrowUp') {
                event.preventDefault();
                (at <= 0 ? box : found[at - 1]).focus();
            } else if (event.key === 'Home' || event.key === 'End') {
                event.preventDefault();
                found[event.key === 'Home' ? 0 : found.length - 1].focus();
            } else if (event.key === 'Escape') {
                event.preventDefault();
                clearHits();
                box.focus();
            }
        });
    }

    // A definition shown on hover or focus (.kpi-help) closes with Escape without moving the pointer or the focus
    // (WCAG 1.4.13); it shows again once the pointer or the focus has left and come back.
    document.addEventListener('keydown', function (event) {
        if (event.key !== 'Escape') {
            return;
        }
        document.querySelectorAll('.kpi-help:hover, .kpi-help:focus-within').forEach(function (help) {
            help.classList.add('dismissed');
        });
    });
    ['mouseleave', 'focusout'].forEach(function (leaving) {
        document.addEventListener(leaving, function (event) {
            if (event.target.classList && event.target.classList.contains('kpi-help')) {
                event.target.classList.remove('dismissed');
            }
        }, true);
    });

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', init);
    } else {
        init();
    }
})();
