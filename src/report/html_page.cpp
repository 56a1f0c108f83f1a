// The fixed parts of the review page (style, script) and HTML escaping. The script reads only
// ids and attributes the writer generated; it copies nodes (cloneNode) and never parses text as
// markup (no innerHTML, no eval), so nothing a document holds can become script.
#include "report/html_page.hpp"

#include <array>
#include <cstdio>

#include "core/utf8.hpp"

namespace galley {
namespace {

/// True for code points a page should not show as they are: C0 and C1 controls but tab and
/// line ends.
bool is_hidden_control(char32_t cp) {
  if (cp == '\t' || cp == '\n' || cp == '\r') return false;
  return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
}

void append_escaped_char(std::string& out, char c) {
  switch (c) {
    case '&':
      out += "&amp;";
      return;
    case '<':
      out += "&lt;";
      return;
    case '>':
      out += "&gt;";
      return;
    case '"':
      out += "&quot;";
      return;
    case '\'':
      out += "&#39;";
      return;
    default:
      out += c;
  }
}

/// Walks `text`, escaping; each code point or byte that must not appear goes to `hidden`.
template <typename Hidden>
void escape_into(std::string& out, std::string_view text, Hidden hidden) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t length = utf8::sequence_length(text, pos);
    const char32_t cp = length == 0 ? U'\uFFFD' : utf8::decode(text, pos);
    if (length == 0 || is_hidden_control(cp)) {
      hidden(length == 0,
             static_cast<unsigned>(length == 0 ? static_cast<unsigned char>(text[pos]) : cp));
    } else if (length == 1) {
      append_escaped_char(out, text[pos]);
    } else {
      out.append(text.substr(pos, length));
    }
    pos += length == 0 ? 1 : length;
  }
}

}  // namespace

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  escape_into(out, text, [&out](bool, unsigned) { out += "\xEF\xBF\xBD"; });
  return out;
}

void append_source_html(std::string& out, std::string_view bytes) {
  escape_into(out, bytes, [&out](bool invalid, unsigned value) {
    std::array<char, 96> marker{};
    std::snprintf(marker.data(), marker.size(),
                  invalid ? "<span class=\"byte\" title=\"invalid UTF-8 byte 0x%02X\">%02X</span>"
                          : "<span class=\"byte\" title=\"control character U+%04X\">%02X</span>",
                  value, value);
    out += marker.data();
  });
}

const char* const kHtmlHead = R"HTML(<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<meta name="generator" content="galley">
<title>galley review</title>
<style>
:root{--err:#b42318;--err-bg:#fde8e6;--warn:#9a5b00;--warn-bg:#fff1cc;--info:#175cd3;--info-bg:#e4eefc;
--rel:#7a4fd0;--rel-bg:#f1ebfd;--ink:#1f2328;--muted:#5d6672;--line:#d9dee5;--page:#f4f5f7}
*{box-sizing:border-box}
body{margin:0;background:var(--page);color:var(--ink);
font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",sans-serif}
.sev-error{--c:var(--err);--bg:var(--err-bg)}.sev-warning{--c:var(--warn);--bg:var(--warn-bg)}
.sev-info{--c:var(--info);--bg:var(--info-bg)}
header.top{position:sticky;top:0;z-index:5;display:flex;align-items:center;justify-content:space-between;
gap:16px;padding:12px 24px;background:#fff;border-bottom:1px solid var(--line)}
header.top h1{margin:0;font-size:18px;letter-spacing:.01em}
header.top .meta{margin:2px 0 0;color:var(--muted);font-size:13px}
.counts{display:flex;gap:8px;margin:0;padding:0;list-style:none}
.counts li{padding:4px 12px;border-radius:999px;background:var(--bg);color:var(--c);font-size:13px}
.counts b{font-size:15px}
.layout{display:grid;grid-template-columns:330px minmax(0,1fr);align-items:start}
nav.side{position:sticky;top:61px;height:calc(100vh - 61px);overflow:auto;padding:8px 14px 24px;
background:#fff;border-right:1px solid var(--line);font-size:13px}
.nav-doc h2{margin:14px 0 4px;font:600 12.5px/1.4 ui-monospace,"DejaVu Sans Mono",monospace;overflow-wrap:anywhere}
.nav-doc h2 a{color:var(--ink);text-decoration:none}
.nav-doc .none{margin:0 0 0 2px;color:var(--muted)}
.group h3{display:flex;align-items:center;gap:6px;margin:8px 0 2px;font-size:12px;font-weight:600;color:var(--muted)}
.group .dot{width:8px;height:8px;border-radius:50%;background:var(--c);flex:none}
.group .n{margin-left:auto;padding:0 7px;border-radius:999px;background:var(--bg);color:var(--c)}
.group ol{margin:0;padding:0;list-style:none}
.group li a{display:block;padding:2px 6px 2px 14px;border-radius:5px;color:var(--ink);text-decoration:none;
white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.group li a:hover,.group li a:focus-visible{background:#eef1f5}
.pos{color:var(--muted);font:12px ui-monospace,"DejaVu Sans Mono",monospace}
main{padding:24px 32px 48px;min-width:0}
article.doc{max-width:900px;margin:0 0 24px;background:#fff;border:1px solid var(--line);border-radius:10px;
box-shadow:0 1px 2px rgba(31,35,40,.04)}
article.doc>header{padding:12px 20px;border-bottom:1px solid var(--line)}
article.doc h2{margin:0;font:600 14px/1.4 ui-monospace,"DejaVu Sans Mono",monospace;overflow-wrap:anywhere}
article.doc .meta{margin:2px 0 0;color:var(--muted);font-size:13px}
.problem{margin:4px 0 0;color:var(--err)}
.source{padding:18px 24px 22px;white-space:pre-wrap;overflow-wrap:anywhere;
font:16px/1.7 Charter,"Bitstream Charter","DejaVu Serif",Georgia,serif}
.gap{color:#8a929c;font:13px/1.7 ui-monospace,"DejaVu Sans Mono",monospace;unicode-bidi:isolate}.blk{unicode-bidi:isolate}
.k-heading{font-weight:700}.k-caption{font-style:italic}.k-quote{color:#3d4650}
mark.f{background:var(--bg);color:inherit;border-bottom:2px solid var(--c);border-radius:2px;cursor:pointer}
mark.f.empty::before{content:"\2038";color:var(--c);font-weight:700}
.rel{background:var(--rel-bg);border-bottom:2px dashed var(--rel);cursor:pointer}
mark.f.rel{border-bottom-style:double}
[data-f]:focus-visible,[data-f].active{outline:2px solid #0969da;outline-offset:1px}
.flash{animation:flash 1.2s ease-out}
@keyframes flash{0%{box-shadow:0 0 0 4px rgba(9,105,218,.45)}100%{box-shadow:0 0 0 0 rgba(9,105,218,0)}}
.byte{display:inline-block;margin:0 1px;padding:0 3px;border:1px solid var(--err);border-radius:3px;
color:var(--err);font:11px/1.3 ui-monospace,"DejaVu Sans Mono",monospace;vertical-align:1px}
.popover{position:absolute;z-index:10;width:max-content;max-width:min(440px,calc(100vw - 16px));
padding:4px 14px;background:#fff;border:1px solid #c9d1da;border-radius:8px;
box-shadow:0 8px 24px rgba(66,74,83,.18)}
.card{padding:8px 0}.card+.card{border-top:1px solid var(--line)}
.card p{margin:3px 0}
.card-head{display:flex;align-items:baseline;gap:8px;flex-wrap:wrap}
.card .sev{color:var(--c);font-size:11px;font-weight:700;text-transform:uppercase;letter-spacing:.06em}
.card code{padding:1px 5px;border-radius:4px;background:#f1f3f6;font-size:12px}
.card .msg{font-size:14.5px}
.card .sugg,.card .related{color:var(--muted)}
.card q{color:var(--ink);font-weight:600}
.card a{color:#0969da}
@media (max-width:860px){.layout{display:block}nav.side{position:static;height:auto;border-right:0}}
@media print{nav.side,.popover{display:none}.layout{display:block}}
</style>
</head>
<body>
)HTML";

const char* const kHtmlTail = R"HTML(<div id="popover" class="popover" role="tooltip" hidden></div>
<script>
(function () {
  "use strict";
  var pop = document.getElementById("popover");
  var current = null;
  var pinned = false;
  function target(node) {
    return node && node.nodeType === 1 ? node.closest("[data-f]") : null;
  }
  function place(el) {
    var r = el.getBoundingClientRect();
    var view = document.documentElement.clientWidth;
    var left = Math.max(8, Math.min(r.left, view - pop.offsetWidth - 8));
    pop.style.left = (left + window.scrollX) + "px";
    pop.style.top = (r.bottom + window.scrollY + 6) + "px";
  }
  function show(el, pin) {
    pinned = pin;
    if (current === el && !pop.hidden) return;
    if (current) current.classList.remove("active");
    while (pop.firstChild) pop.removeChild(pop.firstChild);
    el.getAttribute("data-f").split(" ").forEach(function (id) {
      var card = document.getElementById("card-" + id);
      if (!card) return;
      var copy = card.cloneNode(true);
      copy.removeAttribute("id");
      pop.appendChild(copy);
    });
    current = el;
    el.classList.add("active");
    pop.hidden = false;
    place(el);
  }
  function hide() {
    if (current) current.classList.remove("active");
    pop.hidden = true;
    current = null;
    pinned = false;
  }
  function go(id) {
    var el = document.getElementById(id);
    if (!el || !el.classList.contains("anchor")) return false;
    while (el && !el.hasAttribute("data-f")) el = el.nextElementSibling;
    if (!el) return false;
    el.scrollIntoView({block: "center"});
    el.focus({preventScroll: true});
    el.classList.remove("flash");
    void el.offsetWidth;
    el.classList.add("flash");
    show(el, true);
    return true;
  }
  document.addEventListener("mouseover", function (e) {
    var el = target(e.target);
    if (el && !pinned) show(el, false);
  });
  document.addEventListener("mouseout", function (e) {
    var el = target(e.target);
    var to = e.relatedTarget;
    if (el && !pinned && !(to && (el.contains(to) || pop.contains(to)))) hide();
  });
  pop.addEventListener("mouseleave", function () { if (!pinned) hide(); });
  document.addEventListener("focusin", function (e) {
    var el = target(e.target);
    if (el && el !== current) show(el, false);
  });
  document.addEventListener("click", function (e) {
    var link = e.target.nodeType === 1 ? e.target.closest("a[href^='#']") : null;
    if (link) {
      var id = link.getAttribute("href").slice(1);
      if (go(id)) {
        e.preventDefault();
        try { history.replaceState(null, "", "#" + id); } catch (ignored) { }
      }
      return;
    }
    var el = target(e.target);
    if (el) show(el, true);
    else if (!pop.contains(e.target)) hide();
  });
  document.addEventListener("keydown", function (e) {
    var el = target(document.activeElement);
    if (e.key === "Escape" && current) {
      var back = current;
      hide();
      back.focus();
    } else if ((e.key === "Enter" || e.key === " ") && el && el === document.activeElement) {
      e.preventDefault();
      show(el, true);
      var first = pop.querySelector("a");
      if (first) first.focus();
    }
  });
  window.addEventListener("resize", function () { if (current) place(current); });
  window.addEventListener("hashchange", function () { go(location.hash.slice(1)); });
  if (location.hash) go(location.hash.slice(1));
  document.body.setAttribute("data-ready", "1");
})();
</script>
</body>
</html>
)HTML";

}  // namespace galley
