// Progress while a file is enriched. Without this script the form posts and the browser downloads
// the answer; with it, the upload's progress, then the server's (it reads the newline-delimited JSON
// frames of POST /enrich?progress=true), and the file is offered for download when complete.
(function () {
  'use strict';
  var form = document.getElementById('enrich-form');
  var panel = document.getElementById('enrich-progress');
  if (!form || !panel || !window.XMLHttpRequest || !window.Blob || !window.URL) return;
  var bar = document.getElementById('enrich-bar');
  var label = document.getElementById('enrich-label');
  var status = document.getElementById('enrich-status');
  var result = document.getElementById('enrich-result');
  var fileInput = document.getElementById('file');
  var columns = document.getElementById('column-names');

  // The CSV's header, offered as choices of the postcode column (read here, in the browser).
  fileInput.addEventListener('change', function () {
    var f = fileInput.files && fileInput.files[0];
    columns.textContent = '';
    if (!f || !/\.csv$/i.test(f.name) || !f.slice) return;
    f.slice(0, 65536).text().then(function (text) {
      var line = text.replace(/^\uFEFF/, '').split(/\r?\n/)[0] || '';
      var delimiter = [',', ';', '\t'].reduce(function (a, b) { return line.split(b).length > line.split(a).length ? b : a; });
      line.split(delimiter).forEach(function (name) {
        var o = document.createElement('option');
        o.value = name.replace(/^"|"$/g, '').trim();
        columns.appendChild(o);
      });
    });
  });

  function show(fraction, text) {
    bar.value = Math.round(Math.max(0, Math.min(1, fraction)) * 100);
    status.textContent = text;
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    panel.hidden = false;
    result.textContent = '';
    label.textContent = 'Sending the file…';
    show(0, '');
    var parts = [];
    var seen = 0;
    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.action + '?progress=true');
    xhr.setRequestHeader('Accept', 'application/x-ndjson, application/problem+json');
    xhr.upload.onprogress = function (e) {
      if (e.lengthComputable) show((e.loaded / e.total) * 0.5, Math.round((e.loaded / e.total) * 100) + '% sent');
    };
    function frames() {
      var text = xhr.responseText;
      var end = text.lastIndexOf('\n');
      if (end < seen) return;
      text.slice(seen, end).split('\n').forEach(function (line) {
        if (!line) return;
        var f = JSON.parse(line);
        if (f.type === 'data') {
          var bin = atob(f.base64);
          var bytes = new Uint8Array(bin.length);
          for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
          parts.push(bytes);
        } else if (f.type === 'progress') {
          label.textContent = 'Looking up the postcodes…';
          show(0.5 + (f.fraction || 0) * 0.5, f.rows.toLocaleString('en-GB') + ' rows enriched');
        } else if (f.type === 'done') {
          show(1, 'Done: ' + f.rows.toLocaleString('en-GB') + ' rows enriched.');
          label.textContent = 'Finished';
          var url = URL.createObjectURL(new Blob(parts, { type: f.contentType }));
          var a = document.createElement('a');
          a.href = url;
          a.download = f.filename;
          a.textContent = 'Download ' + f.filename;
          result.appendChild(a);
          a.click();
        } else if (f.type === 'error') {
          label.textContent = 'Stopped';
          status.textContent = f.title + ': ' + f.detail;
        }
      });
      seen = end + 1;
    }
    xhr.onprogress = function () {
      if (xhr.status === 200) frames();
    };
    xhr.onload = function () {
      button.disabled = false;
      if (xhr.status === 200) return frames();
      label.textContent = 'The file was not enriched';
      var problem = {};
      try { problem = JSON.parse(xhr.responseText); } catch (e) { /* not JSON */ }
      show(0, (problem.title || 'Error ' + xhr.status) + ': ' + (problem.detail || ''));
    };
    xhr.onerror = function () {
      button.disabled = false;
      label.textContent = 'The file was not enriched';
      show(0, 'The connection to the server failed.');
    };
    xhr.send(new FormData(form));
  });
})();
