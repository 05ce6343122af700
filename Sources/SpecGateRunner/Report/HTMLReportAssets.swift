/// The inline stylesheet and script of the HTML report (no external resources). The script only adds
/// conveniences (copy buttons, expand all, opening the finding a grid cell links to, a failing-only
/// filter); the page is complete without it.
enum HTMLReportAssets {
    /// Allows nothing but the page's own inline style and script: no fetches, images or fonts from anywhere.
    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

    static let css = """
        :root{--fg:#1f2328;--muted:#59636e;--bg:#f6f8fa;--card:#fff;--line:#d1d9e0;--mono:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;
        --pass:#1a7f37;--pass-bg:#dafbe1;--fail:#cf222e;--fail-bg:#ffebe9;--flaky:#9a6700;--flaky-bg:#fff8c5;--error:#bc4c00;--error-bg:#fff1e5;
        --baselined:#0969da;--baselined-bg:#ddf4ff;--off:#6e7781;--off-bg:#eaeef2}
        *{box-sizing:border-box}
        body{margin:0;font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--fg);background:var(--bg)}
        code,pre,.mono{font-family:var(--mono);font-size:12.5px}
        a{color:#0969da;text-decoration:none}a:hover{text-decoration:underline}
        .top{background:#1f2328;color:#f0f6fc;padding:20px 32px}
        .top .row{display:flex;align-items:center;justify-content:space-between;gap:16px;flex-wrap:wrap;max-width:1320px;margin:0 auto}
        .top h1{margin:0;font-size:22px;font-weight:600}.top h1 small{font-weight:400;color:#9198a1;font-size:15px;margin-left:8px}
        .verdict{font-weight:700;letter-spacing:.06em;padding:6px 16px;border-radius:999px;font-size:14px}
        .verdict.pass{background:var(--pass);color:#fff}.verdict.fail{background:var(--fail);color:#fff}
        .verdict.error{background:var(--error);color:#fff}.verdict.incomplete{background:var(--flaky);color:#fff}
        .meta{display:flex;flex-wrap:wrap;gap:4px 28px;max-width:1320px;margin:10px auto 0;color:#d1d9e0;font-size:13px}
        .meta b{color:#9198a1;font-weight:500;margin-right:6px}
        main{max-width:1320px;margin:0 auto;padding:20px 32px 48px}
        .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(130px,1fr));gap:12px;margin-bottom:20px}
        .card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:10px 14px}
        .card .n{font-size:24px;font-weight:600;line-height:1.2}.card .l{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.04em}
        .card.fail .n{color:var(--fail)}.card.pass .n{color:var(--pass)}.card.flaky .n{color:var(--flaky)}.card.error .n{color:var(--error)}.card.baselined .n{color:var(--baselined)}
        section{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:16px 20px;margin-bottom:20px}
        h2{font-size:17px;margin:0 0 12px;display:flex;align-items:center;gap:10px;flex-wrap:wrap}
        h2 .count{background:var(--off-bg);color:var(--muted);border-radius:999px;padding:0 8px;font-size:12px;font-weight:500}
        .tools{margin-left:auto;display:flex;gap:8px;font-size:13px;font-weight:400}
        button{font:inherit;font-size:12px;border:1px solid var(--line);background:#f6f8fa;border-radius:6px;padding:2px 10px;cursor:pointer}
        button:hover{background:#eaeef2}
        .scroll{overflow-x:auto}
        table{border-collapse:collapse;width:100%}
        th,td{padding:5px 8px;text-align:left;vertical-align:middle}
        table.grid th{font-size:12px;color:var(--muted);font-weight:600;border-bottom:1px solid var(--line);white-space:nowrap}
        table.grid th.check{text-align:center}
        table.grid td{border-bottom:1px solid #eef1f4}
        table.grid tr:hover td{background:#f6f8fa}
        td.op{min-width:280px}td.op .name{font-family:var(--mono);font-size:12.5px;word-break:break-all}td.op .id{color:var(--muted);font-size:11.5px;word-break:break-all}
        td.num{text-align:right;color:var(--muted);font-variant-numeric:tabular-nums}
        .method{display:inline-block;min-width:54px;text-align:center;font:600 11px/18px var(--mono);border-radius:4px;padding:0 4px;margin-right:6px;background:#eaeef2;color:#1f2328}
        .method.GET{background:#ddf4ff;color:#0550ae}.method.POST{background:#dafbe1;color:#116329}.method.DELETE{background:#ffebe9;color:#a40e26}
        .method.PATCH,.method.PUT{background:#fff8c5;color:#7d4e00}
        td.cell{text-align:center;padding:3px 4px}
        .cell span,.cell a{display:inline-block;min-width:58px;border-radius:5px;padding:2px 6px;font-size:12px;font-weight:600}
        .cell a:hover{text-decoration:none;filter:brightness(.95)}
        .cell.pass span{background:var(--pass-bg);color:var(--pass)}
        .cell.fail a,.cell.fail span{background:var(--fail);color:#fff}
        .cell.flaky a,.cell.flaky span{background:var(--flaky-bg);color:var(--flaky);border:1px solid #d4a72c}
        .cell.baselined a,.cell.baselined span{background:var(--baselined-bg);color:var(--baselined)}
        .cell.error a,.cell.error span{background:var(--error-bg);color:var(--error);border:1px solid #fb8f44}
        .cell.notrun span{color:#8c959f;font-weight:400}
        .cell.disabled span{background:var(--off-bg);color:var(--off);font-weight:400;font-style:italic}
        .legend{display:flex;flex-wrap:wrap;gap:6px 16px;margin-top:12px;font-size:12px;color:var(--muted)}
        .legend>.cell{display:inline-flex;align-items:center}.legend .cell>span{min-width:44px;margin-right:6px;text-align:center}
        table.grid.only-failing tr.ok{display:none}
        ul.plain{margin:6px 0 0;padding-left:20px}ul.plain li{margin:2px 0}
        details.finding{border:1px solid var(--line);border-left:4px solid var(--fail);border-radius:6px;margin:8px 0;background:#fff}
        details.finding.flaky{border-left-color:#d4a72c}details.finding.error{border-left-color:#fb8f44}details.finding.baselined{border-left-color:var(--baselined)}
        details.finding>summary{cursor:pointer;padding:8px 12px;display:flex;gap:10px;align-items:baseline;list-style:none}
        details.finding>summary::-webkit-details-marker{display:none}
        details.finding>summary::before{content:"\\25B8";color:var(--muted);width:10px;flex:none}
        details.finding[open]>summary::before{content:"\\25BE"}
        details.finding[open]>summary{border-bottom:1px solid var(--line);background:#f6f8fa}
        details.finding:target{box-shadow:0 0 0 3px #54aeff66}
        details.root-cause{border:1px solid var(--line);border-left:4px solid var(--fail);border-radius:6px;margin:8px 0;background:#fff}
        details.root-cause.error{border-left-color:#fb8f44}details.root-cause.flaky{border-left-color:#d4a72c}details.root-cause.baselined{border-left-color:var(--baselined)}
        details.root-cause>summary{cursor:pointer;padding:8px 12px;display:flex;gap:10px;align-items:baseline}
        details.root-cause>ul{margin:0;padding:8px 12px 8px 32px}
        .badge{flex:none;font-size:11px;font-weight:700;border-radius:4px;padding:0 6px;letter-spacing:.03em}
        .badge.fail{background:var(--fail);color:#fff}.badge.flaky{background:var(--flaky-bg);color:var(--flaky)}
        .badge.error{background:var(--error-bg);color:var(--error)}.badge.baselined{background:var(--baselined-bg);color:var(--baselined)}
        .badge.new{background:#fbefff;color:#8250df}.badge.known{background:var(--baselined-bg);color:var(--baselined)}.badge.expired{background:var(--flaky-bg);color:var(--flaky)}
        .summary-check{font-family:var(--mono);font-size:12.5px;flex:none;font-weight:600}
        .summary-op{flex:none;color:var(--muted);font-family:var(--mono);font-size:12.5px}
        .summary-msg{overflow:hidden;text-overflow:ellipsis;white-space:nowrap;min-width:0;flex:1}
        .times{flex:none;color:var(--muted);font-size:12px}
        .body{padding:12px 16px 16px}
        dl.kv{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;margin:0 0 12px}
        dl.kv dt{color:var(--muted);font-size:12.5px}dl.kv dd{margin:0;word-break:break-word}
        .msg{white-space:pre-wrap;word-break:break-word}
        .exchange{display:grid;grid-template-columns:repeat(auto-fit,minmax(380px,1fr));gap:12px}
        h4{margin:12px 0 6px;font-size:13px}
        pre{background:#f6f8fa;border:1px solid #eef1f4;border-radius:6px;padding:8px 10px;margin:0;white-space:pre-wrap;word-break:break-all;max-height:360px;overflow:auto}
        table.headers{width:auto;margin:6px 0}table.headers td{padding:1px 8px 1px 0;font-family:var(--mono);font-size:12px;vertical-align:top;word-break:break-all}table.headers td:first-child{color:var(--muted);white-space:nowrap}
        .curl{position:relative}.curl pre{padding-right:72px}.curl button{position:absolute;top:6px;right:6px;background:#fff}
        table.cov td,table.cov th{border-bottom:1px solid #eef1f4;font-size:13px}table.cov th{color:var(--muted);font-size:12px}
        .bar{display:inline-block;width:90px;height:8px;background:var(--off-bg);border-radius:4px;vertical-align:middle;margin-right:8px;overflow:hidden}
        .bar i{display:block;height:100%;background:var(--pass)}
        .muted{color:var(--muted)}.ok-text{color:var(--pass)}.bad-text{color:var(--fail)}
        footer{color:var(--muted);font-size:12px;text-align:center;padding:8px}
        @media print{details.finding{break-inside:avoid}.tools,button{display:none}}
        """

    static let script = """
        (function(){
          function openTarget(){
            var id=decodeURIComponent(location.hash.slice(1));if(!id)return;
            var el=document.getElementById(id);if(el&&el.tagName==='DETAILS'){el.open=true;el.scrollIntoView({block:'start'});}
          }
          window.addEventListener('hashchange',openTarget);openTarget();
          document.querySelectorAll('button[data-copy]').forEach(function(b){
            b.hidden=false;
            b.addEventListener('click',function(){
              var src=document.getElementById(b.getAttribute('data-copy'));if(!src)return;
              var text=src.textContent,done=function(){b.textContent='Copied';setTimeout(function(){b.textContent='Copy';},1500);};
              if(navigator.clipboard&&window.isSecureContext){navigator.clipboard.writeText(text).then(done,function(){});return;}
              var r=document.createRange();r.selectNodeContents(src);var s=window.getSelection();s.removeAllRanges();s.addRange(r);
              try{document.execCommand('copy');done();}catch(e){}
            });
          });
          document.querySelectorAll('button[data-expand]').forEach(function(b){
            b.hidden=false;
            b.addEventListener('click',function(){
              var open=b.getAttribute('data-expand')==='1';
              document.querySelectorAll('details.finding').forEach(function(d){d.open=open;});
            });
          });
          var filter=document.getElementById('only-failing');
          if(filter){filter.parentNode.hidden=false;filter.addEventListener('change',function(){
            document.getElementById('grid').classList.toggle('only-failing',filter.checked);});}
        })();
        """
}
