// Runs a scripted Jenkinsfile the way a Jenkins controller runs it, with real steps on this machine: every node()
// is a fresh agent folder (its own workspace paths, its EXECUTOR_NUMBER), `checkout scm` clones the repository,
// `sh` runs `sh -xe` there with Jenkins' variables, stash/unstash copy exactly the files the includes match (and
// fail as Jenkins does when a stash matches nothing or is missing), parallel runs its branches at once and fails
// after all of them ended when one failed, retry retries. Each event is one JSON line on stdout; each sh step's
// output goes to LOGS/<n>.log.
// Usage: groovy jenkins-engine.groovy JENKINSFILE REPOSITORY ROOT
// What it does not do: timeouts are not enforced, agents are not told apart by label (any runs anywhere), the
// checkout is a plain clone of REPOSITORY's HEAD, and JUnit files are counted, not published.
import groovy.json.JsonOutput
import java.nio.file.FileSystems
import java.nio.file.Files
import java.nio.file.StandardCopyOption
import java.util.concurrent.Callable
import java.util.concurrent.ConcurrentHashMap
import java.util.concurrent.Executors
import java.util.concurrent.atomic.AtomicInteger

class Place {
  String branch = ''
  String node = ''
  String executor = ''
  File dir
  Place copy() { new Place(branch: branch, node: node, executor: executor, dir: dir) }
}

class Env extends GroovyObjectSupport {
  Map<String, String> assigned
  ThreadLocal<Place> place
  Object getProperty(String name) {
    if (name == 'EXECUTOR_NUMBER') return place.get().executor
    if (name == 'WORKSPACE') return place.get().dir?.path
    if (name == 'NODE_NAME') return place.get().node
    assigned.containsKey(name) ? assigned[name] : System.getenv(name)
  }
  void setProperty(String name, Object value) { assigned[name] = value as String }
}

def (jenkinsfile, repository, rootPath) = args
def root = new File(rootPath)
def stashes = new File(root, 'stash')
def logs = new File(root, 'logs')
[stashes, logs].each { it.mkdirs() }
def assigned = new ConcurrentHashMap<String, String>()
def place = ThreadLocal.withInitial { new Place(dir: root) }
def agents = new AtomicInteger()
def steps = new AtomicInteger()
def log = { String event, Object... values ->
  def line = JsonOutput.toJson([event, place.get().branch] + values.collect { it as String })
  synchronized (System.out) { println line }
}
def fail = { String message -> throw new RuntimeException(message) }

// The files under dir that one of the comma-separated Ant-style includes matches, relative, sorted.
def matching = { File dir, String includes ->
  def matchers = includes.split(',').collect { FileSystems.default.getPathMatcher('glob:' + it.trim()) }
  def base = dir.toPath()
  def found = []
  dir.eachFileRecurse(groovy.io.FileType.FILES) { File file ->
    def relative = base.relativize(file.toPath())
    if (!relative.toString().startsWith('.git/') && matchers.any { it.matches(relative) }) found << relative.toString()
  }
  found.sort()
}
def copyTree = { File from, File to ->
  def base = from.toPath()
  from.eachFileRecurse(groovy.io.FileType.FILES) { File file ->
    def target = to.toPath().resolve(base.relativize(file.toPath()).toString())
    Files.createDirectories(target.parent)
    Files.copy(file.toPath(), target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES)
  }
}
def run = { List<String> command, boolean returnStdout ->
  def here = place.get()
  def number = steps.incrementAndGet()
  def output = new File(logs, "${number}.log")
  def builder = new ProcessBuilder(command).directory(here.dir).redirectErrorStream(!returnStdout)
  builder.environment().putAll(assigned)
  builder.environment().putAll([EXECUTOR_NUMBER: here.executor, WORKSPACE: here.dir.path, NODE_NAME: here.node])
  if (returnStdout) builder.redirectError(output) else builder.redirectOutput(output)
  def process = builder.start()
  def stdout = returnStdout ? process.inputStream.text : null
  def code = process.waitFor()
  [code, number, stdout]
}

def binding = new Binding()
binding.setVariable('env', new Env(assigned: assigned, place: place))
binding.setVariable('scm', 'scm')
[
  properties: { List list -> log('properties', list.join(',')) },
  disableConcurrentBuilds: { Map options -> "disableConcurrentBuilds(abortPrevious: ${options.abortPrevious})" },
  stage: { String name, Closure body ->
    log('stage', name)
    try { body(); log('stage-result', name, 'SUCCESS') }
    catch (e) { log('stage-result', name, 'FAILURE', e.message); throw e }
  },
  parallel: { Map branches ->
    def parent = place.get().copy()
    def pool = Executors.newFixedThreadPool(branches.size())
    def futures = branches.collect { name, body ->
      pool.submit({
        def mine = parent.copy()
        mine.branch = parent.branch ? "${parent.branch}/${name}" : name
        place.set(mine)
        try { body(); log('branch-result', 'SUCCESS'); null }
        catch (e) { log('branch-result', 'FAILURE', e.message); "${name}: ${e.message}" }
      } as Callable)
    }
    def failures = futures.collect { it.get() }.findAll { it != null }
    pool.shutdown()
    if (failures) fail("parallel: ${failures.join('; ')}")
  },
  node: { String label, Closure body ->
    def here = place.get()
    def saved = here.copy()
    def number = agents.incrementAndGet()
    here.node = "${label}-${number}"
    here.executor = "${number % 2}"
    here.dir = new File(root, "agents/${here.node}")
    here.dir.mkdirs()
    log('node', label, here.dir)
    try { body() } finally { here.node = saved.node; here.executor = saved.executor; here.dir = saved.dir }
  },
  ws: { String path, Closure body ->
    def here = place.get()
    def saved = here.dir
    here.dir = new File(saved, path)
    here.dir.mkdirs()
    log('ws', path)
    try { body() } finally { here.dir = saved }
  },
  checkout: { source ->
    def (code, number) = run(['git', 'clone', '-q', repository, '.'], false)
    log('checkout', code)
    if (code != 0) fail("checkout failed (see ${number}.log)")
  },
  retry: { int count, Closure body ->
    for (int attempt = 1; ; attempt++) {
      try { return body() }
      catch (e) { if (attempt >= count) throw e; log('retry', attempt, e.message) }
    }
  },
  timeout: { Map options, Closure body -> body() },
  sh: { script ->
    def text = script instanceof Map ? script.script : script
    def returnStdout = script instanceof Map && script.returnStdout
    def (code, number, stdout) = run(['sh', '-xe', '-c', text], returnStdout)
    log('sh', text, code, number)
    if (code != 0) fail("script returned exit code ${code}")
    stdout
  },
  echo: { String message -> log('echo', message) },
  stash: { Map options ->
    def dir = place.get().dir
    def files = matching(dir, options.includes)
    if (!files) fail("No files included in stash '${options.name}'")
    def target = new File(stashes, options.name)
    target.deleteDir()
    files.each { relative ->
      def to = new File(target, relative)
      to.parentFile.mkdirs()
      Files.copy(new File(dir, relative).toPath(), to.toPath(), StandardCopyOption.COPY_ATTRIBUTES)
    }
    log('stash', options.name, files.join(' '))
  },
  unstash: { String name ->
    def from = new File(stashes, name)
    if (!from.directory) fail("No such saved stash '${name}'")
    copyTree(from, place.get().dir)
    log('unstash', name)
  },
  junit: { Map options ->
    def files = matching(place.get().dir, options.testResults)
    if (!files && !options.allowEmptyResults) fail("No test report files were found: ${options.testResults}")
    def cases = files.sum(0) { (new File(place.get().dir, it).text =~ /<testcase\b/).size() }
    log('junit', files.size(), cases)
  },
].each { name, step -> binding.setVariable(name, step) }

try {
  new GroovyShell(binding).evaluate(new File(jenkinsfile))
  log('result', 'SUCCESS')
} catch (e) {
  log('result', 'FAILURE', e.message)
  System.exit(1)
}
