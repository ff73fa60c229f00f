// Drag a card to another column: the stage form opens with that stage chosen, to ask for the next step.
// Without JavaScript each card has its own "Changer d'étape" link to the same form.
(function () {
    function init() {
        var board = document.getElementById('board');
        if (!board) {
            return;
        }
        var dragged = null;
        board.addEventListener('dragstart', function (e) {
            var card = e.target.closest && e.target.closest('.board-card');
            if (!card) {
                return;
            }
            dragged = card;
            card.classList.add('dragging');
            e.dataTransfer.effectAllowed = 'move';
            e.dataTransfer.setData('text/plain', card.dataset.id);
        });
        board.addEventListener('dragend', function () {
            if (dragged) {
                dragged.classList.remove('dragging');
            }
            board.querySelectorAll('.drop-target').forEach(function (c) { c.classList.remove('drop-target'); });
        });
        board.querySelectorAll('.board-column').forEach(function (column) {
            column.addEventListener('dragover', function (e) {
                e.preventDefault();
                column.classList.add('drop-target');
            });
            column.addEventListener('dragleave', function () {
                column.classList.remove('drop-target');
            });
            column.addEventListener('drop', function (e) {
                e.preventDefault();
                column.classList.remove('drop-target');
                var id = e.dataTransfer.getData('text/plain') || (dragged && dragged.dataset.id);
                if (!id || (dragged && dragged.closest('.board-column') === column)) {
                    return;
                }
                window.location.href = '/opportunities/' + encodeURIComponent(id) + '/stage?to='
                    + encodeURIComponent(column.dataset.stage) + '&back=/pipeline';
            });
        });
    }
    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', init);
    } else {
        init();
    }
})();
