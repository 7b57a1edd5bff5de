// Every JUnit version of invoker.properties must have produced a result file with all four tests measured.
def versions = new File(basedir, 'invoker.properties').readLines()
        .findAll { it.startsWith('invoker.goals.') }
        .collect { (it =~ /-Djunit\.version=(\S+)/)[0][1] }
assert versions.size() == 6
versions.each { v ->
    def results = new File(basedir, "target/perf-reports-${v}/perf-results.json")
    assert results.isFile() : "JUnit ${v}: no ${results} (perf-junit's report listener did not run)"
    def json = new groovy.json.JsonSlurper().parse(results)
    def ids = json.tests.collect { it.id ?: it.testId ?: it.toString() }
    assert json.tests.size() == 4 : "JUnit ${v}: expected 4 measured tests, found ${json.tests.size()}: ${ids}"
    println "compat: JUnit ${v} on Java ${System.getProperty('java.version')}: 4 tests measured, reports in ${results.parentFile.name}"
}
return true
