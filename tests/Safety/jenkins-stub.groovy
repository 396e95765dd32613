// Runs a scripted Jenkinsfile with stand-in steps and prints each step it is asked to take as one JSON line,
// [step, arguments...], so tests see what Jenkins would do with it: which labels, commands, stashes.
// Usage: groovy jenkins-stub.groovy JENKINSFILE [CHANGES]
// CHANGES is what `./build.sh CiTask --changes` prints (all kinds by default).
import groovy.json.JsonOutput

def log = { String step, Object... arguments -> println JsonOutput.toJson([step] + arguments.collect { it as String }) }
def changes = args.length > 1 ? args[1] : 'code docs docker'
def binding = new Binding()
binding.setVariable('env', [EXECUTOR_NUMBER: '1', BRANCH_NAME: 'PR-1', CHANGE_TARGET: 'main'])
binding.setVariable('scm', 'scm')
[
  properties: { list -> },
  disableConcurrentBuilds: { Map options -> },
  checkout: { source -> log('checkout', source) },
  stage: { String name, Closure body -> log('stage', name); body() },
  parallel: { Map branches -> branches.each { name, body -> log('branch', name); body() } },
  node: { String label, Closure body -> log('node', label); body() },
  ws: { String path, Closure body -> log('ws', path); body() },
  timeout: { Map options, Closure body -> log('timeout', options.time); body() },
  retry: { int count, Closure body -> body() },
  sh: { script ->
    log('sh', script instanceof Map ? script.script : script)
    script instanceof Map && script.returnStdout ? changes + '\n' : null
  },
  echo: { String message -> log('echo', message) },
  unstash: { String name -> log('unstash', name) },
  stash: { Map options -> log('stash', options.name, options.includes) },
  junit: { Map options -> log('junit', options.testResults) },
].each { name, step -> binding.setVariable(name, step) }
new GroovyShell(binding).evaluate(new File(args[0]))
