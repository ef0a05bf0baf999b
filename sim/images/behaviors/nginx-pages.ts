// What nginx ships and answers with: the welcome and 50x pages (docs/html in nginx's source; the
// dark-mode restyle landed in 1.21.2), the built-in error pages (ngx_http_special_response.c, CRLF
// line ends), the packaged nginx.conf / conf.d/default.conf, and a slice of mime.types.

/** True for nginx versions at or after `min` (dotted numbers). */
export function versionAtLeast(version: string, min: string): boolean {
  const a = version.split('.').map(Number)
  const b = min.split('.').map(Number)
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0)
  }
  return true
}

const STYLE_OLD = `<style>
    body {
        width: 35em;
        margin: 0 auto;
        font-family: Tahoma, Verdana, Arial, sans-serif;
    }
</style>`

const STYLE_NEW = `<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>`

/** /usr/share/nginx/html/index.html: 615 bytes from 1.21.2, 612 before (the page seed 004 shows). */
export function welcomePage(version: string): string {
  return `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
${versionAtLeast(version, '1.21.2') ? STYLE_NEW : STYLE_OLD}
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`
}

/** /usr/share/nginx/html/50x.html (the error_log link was dropped in 1.15.3). */
export function errorPage50x(version: string): string {
  const admin = versionAtLeast(version, '1.15.3') ? 'the error log for details.' : 'the <a href="http://nginx.org/r/error_log">error log</a> for details.'
  return `<!DOCTYPE html>
<html>
<head>
<title>Error</title>
${versionAtLeast(version, '1.21.2') ? STYLE_NEW : STYLE_OLD}
</head>
<body>
<h1>An error occurred.</h1>
<p>Sorry, the page you are looking for is currently unavailable.<br/>
Please try again later.</p>
<p>If you are the system administrator of this resource then you should check
${admin}</p>
<p><em>Faithfully yours, nginx.</em></p>
</body>
</html>
`
}

export const STATUS_TEXT: Record<number, string> = {
  301: 'Moved Permanently',
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Not Allowed',
  500: 'Internal Server Error',
}

/** nginx's own error page for `status`, with `server_tokens on` (the default): CRLF line ends. */
export function specialPage(status: number, version: string): string {
  const title = `${status} ${STATUS_TEXT[status]}`
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx/${version}</center>\r\n</body>\r\n</html>\r\n`
}

export const MIME_TYPES: Record<string, string> = {
  html: 'text/html',
  htm: 'text/html',
  shtml: 'text/html',
  css: 'text/css',
  xml: 'text/xml',
  txt: 'text/plain',
  js: 'application/javascript',
  json: 'application/json',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  svg: 'image/svg+xml',
  ico: 'image/x-icon',
  pdf: 'application/pdf',
}

export function mimeType(path: string): string {
  const dot = path.lastIndexOf('.')
  const ext = dot > path.lastIndexOf('/') ? path.slice(dot + 1).toLowerCase() : ''
  return MIME_TYPES[ext] ?? 'application/octet-stream'
}

export const NGINX_CONF = `
user  nginx;
worker_processes  auto;

error_log  /var/log/nginx/error.log notice;
pid        /run/nginx.pid;


events {
    worker_connections  1024;
}


http {
    include       /etc/nginx/mime.types;
    default_type  application/octet-stream;

    log_format  main  '$remote_addr - $remote_user [$time_local] "$request" '
                      '$status $body_bytes_sent "$http_referer" '
                      '"$http_user_agent" "$http_x_forwarded_for"';

    access_log  /var/log/nginx/access.log  main;

    sendfile        on;
    #tcp_nopush     on;

    keepalive_timeout  65;

    #gzip  on;

    include /etc/nginx/conf.d/*.conf;
}
`

/** conf.d/default.conf as packaged; the entrypoint adds `listen  [::]:80;` on first start. */
export const DEFAULT_CONF = `server {
    listen       80;
    server_name  localhost;

    #access_log  /var/log/nginx/host.access.log  main;

    location / {
        root   /usr/share/nginx/html;
        index  index.html index.htm;
    }

    #error_page  404              /404.html;

    # redirect server error pages to the static page /50x.html
    #
    error_page   500 502 503 504  /50x.html;
    location = /50x.html {
        root   /usr/share/nginx/html;
    }

    # proxy the PHP scripts to Apache listening on 127.0.0.1:80
    #
    #location ~ \\.php$ {
    #    proxy_pass   http://127.0.0.1;
    #}

    # pass the PHP scripts to FastCGI server listening on 127.0.0.1:9000
    #
    #location ~ \\.php$ {
    #    root           html;
    #    fastcgi_pass   127.0.0.1:9000;
    #    fastcgi_index  index.php;
    #    fastcgi_param  SCRIPT_FILENAME  /scripts$fastcgi_script_name;
    #    include        fastcgi_params;
    #}

    # deny access to .htaccess files, if Apache's document root
    # concurs with nginx's one
    #
    #location ~ /\\.ht {
    #    deny  all;
    #}
}

`

export const MIME_TYPES_FILE =
  'types {\n' +
  Object.entries(MIME_TYPES)
    .map(([ext, type]) => `    ${type.padEnd(40)} ${ext};\n`)
    .join('') +
  '}\n'
