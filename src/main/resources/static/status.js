// credential-health status page: refreshes itself in place, copies fix commands.
// The server renders the whole page; every refresh fetches that same page again and swaps only the
// pieces marked data-unit that changed, so nothing flickers and there is one renderer, not two.
(function () {
	'use strict';

	document.documentElement.classList.add('js');

	var seconds = parseInt(document.body.getAttribute('data-refresh-seconds'), 10) || 30;
	var timeoutMs = Math.min(seconds, 10) * 1000;
	var lastSuccess = new Date();
	var failingSince = null;

	// What the server last rendered for each unit. Fresh renders are compared with these, not with the
	// live page, so local touches (a "Copied" label, focus) never cause a swap on their own.
	var rendered = {};
	document.querySelectorAll('[data-unit]').forEach(function (unit) {
		rendered[unit.id] = unit.cloneNode(true);
	});

	// UTC, as the server writes every other time on the page: one clock for everyone on the incident.
	function clock(date) {
		return date.toISOString().substring(0, 19).replace('T', ' ') + ' UTC';
	}

	function unitIds(root) {
		return Array.prototype.map.call(root.querySelectorAll('[data-unit]'), function (el) {
			return el.id;
		});
	}

	function patch(fresh) {
		var focused = document.activeElement && document.activeElement.id;
		var page = document.getElementById('page');
		var freshPage = fresh.getElementById('page');
		if (unitIds(page).join(' ') !== unitIds(freshPage).join(' ')) {
			// The registry itself changed (a restart with other accounts): take the whole page.
			page.replaceWith(document.importNode(freshPage, true));
		}
		else {
			freshPage.querySelectorAll('[data-unit]').forEach(function (unit) {
				var current = document.getElementById(unit.id);
				if (current && !(rendered[unit.id] && rendered[unit.id].isEqualNode(unit))) {
					current.replaceWith(document.importNode(unit, true));
				}
			});
		}
		rendered = {};
		freshPage.querySelectorAll('[data-unit]').forEach(function (unit) {
			rendered[unit.id] = unit;
		});
		document.title = fresh.title;
		if (focused && document.activeElement && document.activeElement.id !== focused) {
			var again = document.getElementById(focused);
			if (again) {
				again.focus({ preventScroll: true });
			}
		}
	}

	function reachable() {
		lastSuccess = new Date();
		failingSince = null;
		document.body.classList.remove('stale');
		document.getElementById('unreachable').textContent = '';
		document.getElementById('updated').textContent = clock(lastSuccess);
	}

	function unreachable(reason) {
		failingSince = failingSince || new Date();
		document.body.classList.add('stale');
		document.title = 'UNREACHABLE · credential-health';
		var text = 'Cannot reach credential-health since ' + clock(failingSince) + ' (' + reason + '). '
			+ 'Everything below is from ' + clock(lastSuccess) + ' and may be out of date. '
			+ 'Retrying every ' + seconds + ' s.';
		var alert = document.getElementById('unreachable');
		if (alert.textContent !== text) {
			alert.textContent = text;
		}
	}

	function reason(error) {
		if (error && error.name === 'AbortError') {
			return 'no answer within ' + timeoutMs / 1000 + ' s';
		}
		if (error && error.status) {
			return 'it answered HTTP ' + error.status;
		}
		if (error && error.message === 'not-the-page') {
			return 'the answer was not the status page';
		}
		return 'the service or the network is down';
	}

	function refresh() {
		var controller = new AbortController();
		var timer = setTimeout(function () {
			controller.abort();
		}, timeoutMs);
		fetch(window.location.href, {
			cache: 'no-store',
			credentials: 'same-origin',
			headers: { Accept: 'text/html' },
			signal: controller.signal
		})
			.then(function (response) {
				if (!response.ok) {
					throw { status: response.status };
				}
				return response.text();
			})
			.then(function (text) {
				var fresh = new DOMParser().parseFromString(text, 'text/html');
				if (!fresh.getElementById('page')) {
					throw new Error('not-the-page');
				}
				patch(fresh);
				reachable();
			})
			.catch(function (error) {
				unreachable(reason(error));
			})
			.then(function () {
				clearTimeout(timer);
				setTimeout(refresh, seconds * 1000);
			});
	}

	// Copy buttons: the Clipboard API needs a secure context (https or localhost); elsewhere the old
	// execCommand route still works; if both fail, the command is selected for Ctrl+C.
	function copyText(text) {
		if (navigator.clipboard && window.isSecureContext) {
			return navigator.clipboard.writeText(text).then(function () {
				return true;
			}, function () {
				return legacyCopy(text);
			});
		}
		return Promise.resolve(legacyCopy(text));
	}

	function legacyCopy(text) {
		var area = document.createElement('textarea');
		area.value = text;
		area.setAttribute('readonly', '');
		area.className = 'copy-buffer';
		document.body.appendChild(area);
		area.select();
		var copied = false;
		try {
			copied = document.execCommand('copy');
		}
		catch (e) {
			copied = false;
		}
		document.body.removeChild(area);
		return copied;
	}

	function selectContents(element) {
		var range = document.createRange();
		range.selectNodeContents(element);
		var selection = window.getSelection();
		selection.removeAllRanges();
		selection.addRange(range);
	}

	document.addEventListener('click', function (event) {
		var button = event.target.closest('button.copy');
		if (!button) {
			return;
		}
		var code = document.getElementById(button.getAttribute('aria-describedby'));
		if (!code) {
			return;
		}
		copyText(code.textContent).then(function (copied) {
			var status = document.getElementById('copy-status');
			if (copied) {
				button.textContent = 'Copied';
				status.textContent = 'Command copied to the clipboard.';
			}
			else {
				selectContents(code);
				button.textContent = 'Press Ctrl+C';
				status.textContent = 'The command is selected: press Ctrl+C (or Cmd+C) to copy it.';
			}
			setTimeout(function () {
				button.textContent = 'Copy';
			}, 3000);
		});
	});

	setTimeout(refresh, seconds * 1000);
})();
