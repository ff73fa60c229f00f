// The board's drag and drop. A card dropped on another column moves there at once and the deal is saved in the
// background (POST /opportunities/{id}/move, with the version the board showed). The server answers with
// fragments that carry ids: the card as it is now, the columns' heads, the totals and a message (#board-message).
// 422: what the new stage needs (why it was lost, a next step) is asked in a dialog, then sent again.
// Anything else than 200: the card goes back where it was and the message says why.
// Without JavaScript each card has its own "Changer d'étape" link to the stage form.
(function () {
    var board, live, dialog;

    function init() {
        board = document.getElementById('board');
        live = document.getElementById('board-message');
        dialog = document.getElementById('move-dialog');
        if (!board) {
            return;
        }
        var dragged = null;
        board.addEventListener('dragstart', function (e) {
            var card = e.target.closest && e.target.closest('.board-card');
            if (!card || card.getAttribute('draggable') !== 'true') {
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
            dragged = null;
            board.querySelectorAll('.drop-target').forEach(function (c) { c.classList.remove('drop-target'); });
        });
        board.querySelectorAll('.board-column').forEach(function (column) {
            column.addEventListener('dragover', function (e) {
                if (dragged && dragged.closest('.board-column') !== column) {
                    e.preventDefault();
                    column.classList.add('drop-target');
                }
            });
            column.addEventListener('dragleave', function (e) {
                if (!column.contains(e.relatedTarget)) {
                    column.classList.remove('drop-target');
                }
            });
            column.addEventListener('drop', function (e) {
                e.preventDefault();
                column.classList.remove('drop-target');
                if (dragged && dragged.closest('.board-column') !== column) {
                    move(dragged, column);
                }
            });
        });
        if (dialog) {
            dialog.addEventListener('cancel', function () {
                // Escape: the move is given up
                if (dialog.pending) {
                    putBack(dialog.pending);
                    dialog.pending = null;
                }
            });
        }
    }

    /** Moves the card at once, then saves; remembers where it was to put it back. */
    function move(card, column) {
        var attempt = {card: card, from: card.parentNode, before: card.nextSibling};
        var cards = column.querySelector('.board-cards');
        cards.insertBefore(card, cards.firstChild);
        card.classList.add('saving');
        card.setAttribute('aria-busy', 'true');
        var body = new URLSearchParams();
        var csrf = board.querySelector('input[type=hidden]');
        if (csrf) {
            body.append(csrf.name, csrf.value);
        }
        body.append('stage', column.dataset.stage);
        body.append('version', card.dataset.version);
        body.append('owner', board.dataset.owner || 'all');
        if (board.dataset.team) {
            body.append('team', board.dataset.team);
        }
        send(attempt, body);
    }

    function send(attempt, body) {
        fetch('/opportunities/' + encodeURIComponent(attempt.card.dataset.id) + '/move', {
            method: 'POST', body: body, credentials: 'same-origin', redirect: 'error',
            headers: {'Accept': 'text/html'}
        }).then(function (response) {
            return response.text().then(function (html) {
                return {status: response.status, html: html};
            });
        }).then(function (answer) {
            var fragments = document.createElement('template');
            fragments.innerHTML = answer.html;
            var content = fragments.content;
            if (answer.status === 422 && content.querySelector('#move-form')) {
                ask(attempt, content.querySelector('#move-form'));
                return;
            }
            closeDialog();
            done(attempt);
            var card = content.querySelector('#card-' + CSS.escape(attempt.card.dataset.id));
            if (answer.status !== 200 || !card) {
                putBack(attempt);
            }
            apply(content);
            if (!content.querySelector('#board-message')) {
                say('alert alert-danger', board.dataset.failed);
            }
        }).catch(function () {
            closeDialog();
            done(attempt);
            putBack(attempt);
            say('alert alert-danger', board.dataset.failed);
        });
    }

    /** Replaces what the answer brings (card, heads, totals) and shows its message. */
    function apply(content) {
        Array.from(content.children).forEach(function (element) {
            if (element.id === 'board-message') {
                say(element.className, element.textContent);
                return;
            }
            var existing = element.id && document.getElementById(element.id);
            if (!existing) {
                return;
            }
            existing.replaceWith(element);
            if (element.classList.contains('board-card')) {
                // a card someone else moved meanwhile is shown in its column now
                var column = element.closest('.board-column');
                if (!column || column.dataset.stage !== element.dataset.stage) {
                    var target = board.querySelector('.board-column[data-stage="' + element.dataset.stage + '"] .board-cards');
                    if (target) {
                        target.insertBefore(element, target.firstChild);
                    }
                }
            }
        });
    }

    /** The dialog of what the stage needs; sent again with the answers, or given up. */
    function ask(attempt, form) {
        dialog.replaceChildren(form);
        dialog.pending = attempt;
        form.addEventListener('submit', function (e) {
            e.preventDefault();
            send(attempt, new URLSearchParams(new FormData(form)));
        });
        form.querySelector('[data-dialog=cancel]').addEventListener('click', function () {
            dialog.pending = null;
            dialog.close();
            done(attempt);
            putBack(attempt);
        });
        if (!dialog.open) {
            dialog.showModal();
        }
        var first = form.querySelector('.is-invalid') || form.querySelector('input:not([type=hidden]), select, textarea');
        if (first) {
            first.focus();
        }
    }

    function closeDialog() {
        if (dialog && dialog.open) {
            dialog.pending = null;
            dialog.close();
        }
    }

    function done(attempt) {
        attempt.card.classList.remove('saving');
        attempt.card.removeAttribute('aria-busy');
    }

    function putBack(attempt) {
        attempt.from.insertBefore(attempt.card,
            attempt.before && attempt.before.parentNode === attempt.from ? attempt.before : null);
        done(attempt);
    }

    function say(className, text) {
        if (live) {
            live.className = 'board-message ' + className;
            live.textContent = text;
        }
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', init);
    } else {
        init();
    }
})();
