// Jest environment for the browser tests: tells the test file whether the running test has failed,
// so its afterEach can leave a screenshot and the page's log in test-results/ (see harness.ts).
const { TestEnvironment } = require('jest-environment-node');

function fullName(test) {
  const names = [];
  for (let t = test; t && t.name !== 'ROOT_DESCRIBE_BLOCK'; t = t.parent) names.unshift(t.name);
  return names.join(' › ');
}

class E2EEnvironment extends TestEnvironment {
  handleTestEvent(event) {
    if (event.name === 'test_start') {
      this.global.__zwcTest = { name: fullName(event.test), failed: false };
    } else if (event.name === 'test_fn_failure' || (event.name === 'hook_failure' && event.hook.type === 'beforeEach')) {
      if (this.global.__zwcTest) this.global.__zwcTest.failed = true;
    }
  }
}

module.exports = E2EEnvironment;
