import { describe, expect, it } from 'vitest'
import { fromCivil } from '../../core/time'
import { fakeContainer } from '../fake-env'
import { nginxImage, type NginxBuild } from './nginx'

const build: NginxBuild = {
  version: '1.27.5',
  variant: 'debian',
  env: { NGINX_VERSION: '1.27.5', NJS_VERSION: '0.8.10', NJS_RELEASE: '1~bookworm', PKG_RELEASE: '1~bookworm', DYNPKG_RELEASE: '1~bookworm' },
  compiler: 'gcc 12.2.0 (Debian 12.2.0-14+deb12u1) ',
}
const nginx = nginxImage(build)
const T = fromCivil(2024, 7, 16, 10, 27, 2)
const curl = { 'User-Agent': 'curl/8.5.0', Host: '10.244.1.5' }

// The page seed 004 shows (`curl .../pods/sts-nginx-0/proxy/`): nginx before 1.21.2.
const SEED_004_PAGE = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
    body {
        width: 35em;
        margin: 0 auto;
        font-family: Tahoma, Verdana, Arial, sans-serif;
    }
</style>
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

describe('nginx process', () => {
  it('prints the docker-entrypoint banner and start-up notices of a real nginx container', () => {
    const c = fakeContainer(nginx, { now: T })
    const plan = nginx.plan({}, c.env)
    // Lines as `kubectl logs` shows them for nginx:1.27 (captures of 1.27.3 on kind/kubeadm).
    expect(plan.startupLog?.slice(0, 9)).toEqual([
      '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
      '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
      '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
      '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
      '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
      '/docker-entrypoint.sh: Configuration complete; ready for start up',
    ])
    expect(plan.startupLog?.slice(9, 15)).toEqual([
      '2024/07/16 10:27:02 [notice] 1#1: using the "epoll" event method',
      '2024/07/16 10:27:02 [notice] 1#1: nginx/1.27.5',
      '2024/07/16 10:27:02 [notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14+deb12u1) ',
      '2024/07/16 10:27:02 [notice] 1#1: OS: Linux 5.15.0-131-generic',
      '2024/07/16 10:27:02 [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576',
      '2024/07/16 10:27:02 [notice] 1#1: start worker processes',
    ])
    expect(c.fs.readFile('/etc/nginx/conf.d/default.conf')).toContain('    listen       80;\n    listen  [::]:80;\n')
  })

  it('listens on 80 and quits quickly on the stop signal', () => {
    const c = fakeContainer(nginx)
    const plan = nginx.plan({}, c.env)
    expect(plan.listens).toEqual([80])
    expect(plan.exit).toBeUndefined()
    expect(plan.onSigterm).toEqual({ exitAfterMs: 100, exitCode: 0 })
    expect(plan.stopLog?.(T)[0]).toBe('2024/07/16 10:27:02 [notice] 1#1: signal 3 (SIGQUIT) received, shutting down')
  })

  it('says the configuration cannot be modified when conf.d is a ConfigMap', () => {
    const c = fakeContainer(nginx)
    c.env.fs.writeFile = () => {
      throw new Error('EROFS')
    }
    const plan = nginx.plan({}, c.env)
    expect(plan.startupLog).toContain('10-listen-on-ipv6-by-default.sh: info: can not modify /etc/nginx/conf.d/default.conf (read-only file system?)')
  })

  it('exits 0 at once when run without daemon off (the master forks away)', () => {
    const c = fakeContainer(nginx)
    const plan = nginx.plan({ command: ['nginx'] }, c.env)
    expect(plan.exit).toEqual({ afterMs: 0, exitCode: 0 })
  })

  it('exposes the image ENV', () => {
    expect(nginx.env()).toMatchObject({ NGINX_VERSION: '1.27.5', PKG_RELEASE: '1~bookworm' })
  })
})

describe('nginx http', () => {
  it('serves index.html for / and logs a combined-format line', () => {
    const c = fakeContainer(nginx, { now: T })
    const res = nginx.http!(80, { method: 'GET', path: '/', headers: curl, remoteAddr: '10.244.1.1' }, c.env)
    expect(res.status).toBe(200)
    expect(res.headers['Content-Type']).toBe('text/html')
    expect(res.body).toContain('<title>Welcome to nginx!</title>')
    // The access log line the reference shows for nginx 1.27 (615-byte welcome page).
    expect(c.log).toEqual(['10.244.1.1 - - [16/Jul/2024:10:27:02 +0000] "GET / HTTP/1.1" 200 615 "-" "curl/8.5.0" "-"'])
  })

  it('answers a missing file with nginx 404 page', () => {
    const c = fakeContainer(nginx, { now: T })
    const res = nginx.http!(80, { method: 'GET', path: '/missing.html', headers: curl, remoteAddr: '10.244.1.1' }, c.env)
    expect(res.status).toBe(404)
    expect(res.body).toBe('<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/1.27.5</center>\r\n</body>\r\n</html>\r\n')
    expect(c.log).toEqual([
      '2024/07/16 10:27:02 [error] 29#29: *1 open() "/usr/share/nginx/html/missing.html" failed (2: No such file or directory), client: 10.244.1.1, server: localhost, request: "GET /missing.html HTTP/1.1", host: "10.244.1.5"',
      // 153 bytes: the size every nginx/1.x.y 404 page has in real access logs.
      '10.244.1.1 - - [16/Jul/2024:10:27:02 +0000] "GET /missing.html HTTP/1.1" 404 153 "-" "curl/8.5.0" "-"',
    ])
  })

  it('forbids a directory without index, as an empty PVC on the html dir gives', () => {
    const c = fakeContainer(nginx, { now: T, mounts: { '/usr/share/nginx/html': {} } })
    const res = nginx.http!(80, { method: 'GET', path: '/', headers: curl, remoteAddr: '10.244.1.1' }, c.env)
    expect(res.status).toBe(403)
    expect(res.body).toContain('<head><title>403 Forbidden</title></head>')
    expect(c.log[0]).toBe(
      '2024/07/16 10:27:02 [error] 29#29: *1 directory index of "/usr/share/nginx/html/" is forbidden, client: 10.244.1.1, server: localhost, request: "GET / HTTP/1.1", host: "10.244.1.5"',
    )
  })

  it('serves what the student wrote into the volume', () => {
    const c = fakeContainer(nginx, { mounts: { '/usr/share/nginx/html': { 'index.html': 'web-0\n' } } })
    const res = nginx.http!(80, { method: 'GET', path: '/', headers: curl }, c.env)
    expect(res).toMatchObject({ status: 200, body: 'web-0\n' })
  })

  it('refuses POST with 405 Not Allowed', () => {
    const c = fakeContainer(nginx)
    const res = nginx.http!(80, { method: 'POST', path: '/', headers: curl, body: 'x' }, c.env)
    expect(res.status).toBe(405)
    expect(res.body).toContain('<center><h1>405 Not Allowed</h1></center>')
  })

  it('redirects a directory to its slash form', () => {
    const c = fakeContainer(nginx)
    c.fs.mkdirp('/usr/share/nginx/html/docs')
    const res = nginx.http!(80, { method: 'GET', path: '/docs', headers: curl }, c.env)
    expect(res.status).toBe(301)
    expect(res.headers.Location).toBe('http://10.244.1.5/docs/')
  })

  it('numbers connections in the error log', () => {
    const c = fakeContainer(nginx)
    nginx.http!(80, { method: 'GET', path: '/', headers: curl }, c.env)
    nginx.http!(80, { method: 'GET', path: '/nope', headers: curl }, c.env)
    expect(c.log[1]).toContain('[error] 29#29: *2 open()')
  })
})

describe('older nginx (nginx-slim)', () => {
  it('ships the welcome page seed 004 shows', () => {
    const slim = nginxImage({ version: '1.17.4', variant: 'slim', env: {}, compiler: 'gcc' })
    const c = fakeContainer(slim)
    expect(slim.http!(80, { method: 'GET', path: '/' }, c.env).body).toBe(SEED_004_PAGE)
    expect(slim.plan({}, c.env).startupLog).toEqual([])
  })
})
