// Loads the compiled addon; the package is an optional dependency, so a failed build just leaves it out.
module.exports = require('./build/Release/fallocate.node');
