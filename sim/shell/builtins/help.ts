// help: Ordinal's own short guide to what this terminal understands (bash's `help` lists bash's
// builtins; ours lists what the emulated machine supports), in English or Simplified Chinese.

import type { Builtin } from './types'

const EN = `This terminal emulates bash on the lab machine (root@k8s-master) with a simulated Kubernetes v1.33 cluster.

Kubernetes
  kubectl ...               get, describe, apply, create, delete, scale, edit, logs, exec, ...
Files
  ls  cat  cp  mv  rm  mkdir  touch  pwd  cd  chmod
  vi | vim | nano FILE      open FILE in the editor
Text
  echo  printf  grep  head  tail  wc  sort  uniq  cut  awk '{print $1}'  tr  tee
Time and the cluster
  sleep N                   let N seconds of cluster time pass (1m, 0.5 work too)
  watch [-n N] CMD          run CMD every N seconds until Ctrl-C
  curl URL                  HTTP requests (through kubectl proxy / port-forward)
Shell
  history  clear  export  env  help  exit  jobs  kill  date  hostname  true  false  test
Syntax
  'quotes' "quotes" \\escapes   $VAR \${VAR}  $?  $(cmd)  \`cmd\`  $((1+2))  {0..2}  *.yaml
  cmd1 | cmd2   cmd1 && cmd2   cmd1 || cmd2   cmd1; cmd2   cmd &
  > file   >> file   2> file   2>&1   < file   cat <<EOF > file ... EOF
  for i in 0 1 2; do ...; done    while ...; do ...; done    if ...; then ...; fi
Keys
  Tab completes, Up/Down browse history, Ctrl-C interrupts, Ctrl-L clears the screen.
`

const ZH = `此终端模拟实验机 (root@k8s-master) 上的 bash，连接一个模拟的 Kubernetes v1.33 集群。

Kubernetes
  kubectl ...               get、describe、apply、create、delete、scale、edit、logs、exec 等
文件
  ls  cat  cp  mv  rm  mkdir  touch  pwd  cd  chmod
  vi | vim | nano 文件      在编辑器中打开文件
文本
  echo  printf  grep  head  tail  wc  sort  uniq  cut  awk '{print $1}'  tr  tee
时间与集群
  sleep N                   让集群时间流逝 N 秒（也支持 1m、0.5）
  watch [-n N] 命令         每 N 秒运行一次命令，按 Ctrl-C 停止
  curl URL                  发送 HTTP 请求（通过 kubectl proxy / port-forward）
Shell
  history  clear  export  env  help  exit  jobs  kill  date  hostname  true  false  test
语法
  '引号' "引号" \\转义   $VAR \${VAR}  $?  $(命令)  \`命令\`  $((1+2))  {0..2}  *.yaml
  命令1 | 命令2   命令1 && 命令2   命令1 || 命令2   命令1; 命令2   命令 &
  > 文件   >> 文件   2> 文件   2>&1   < 文件   cat <<EOF > 文件 ... EOF
  for i in 0 1 2; do ...; done    while ...; do ...; done    if ...; then ...; fi
按键
  Tab 补全，上/下键浏览历史，Ctrl-C 中断，Ctrl-L 清屏。
`

export const help: Builtin = {
  name: 'help',
  run(ctx) {
    ctx.stdout(ctx.shell.env.lang === 'zh' ? ZH : EN)
    return 0
  },
}
