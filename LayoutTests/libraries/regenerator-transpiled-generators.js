// offload-scripts: node_modules/regenerator-runtime/runtime.js
// Tests that generators and async functions compiled to state machines by Babel's regenerator transform (what an app
// built for older engines ships) travel while suspended: their state lives in closures and plain objects of
// regenerator-runtime (npm regenerator-runtime 0.13), which the capture carries like any other program state. Native
// suspended generators are refused instead (TestExpectations). Each function below is Babel 7's output for the source
// in the comment above it.
"use strict";

function asyncGeneratorStep(gen, resolve, reject, _next, _throw, key, arg) {
    try {
        var info = gen[key](arg);
        var value = info.value;
    } catch (error) {
        reject(error);
        return;
    }
    if (info.done)
        resolve(value);
    else
        Promise.resolve(value).then(_next, _throw);
}
function _asyncToGenerator(fn) {
    return function () {
        var self = this, args = arguments;
        return new Promise(function (resolve, reject) {
            var gen = fn.apply(self, args);
            function _next(value) { asyncGeneratorStep(gen, resolve, reject, _next, _throw, "next", value); }
            function _throw(err) { asyncGeneratorStep(gen, resolve, reject, _next, _throw, "throw", err); }
            _next(undefined);
        });
    };
}

// function* fibonacci() { let a = 0, b = 1; for (;;) { yield a; [a, b] = [b, a + b]; } }
var _marked = regeneratorRuntime.mark(fibonacci);
function fibonacci() {
    var a, b, _ref;
    return regeneratorRuntime.wrap(function fibonacci$(_context) {
        while (1) switch (_context.prev = _context.next) {
        case 0:
            a = 0, b = 1;
        case 1:
            _context.next = 4;
            return a;
        case 4:
            _ref = [b, a + b];
            a = _ref[0];
            b = _ref[1];
            _context.next = 1;
            break;
        case 8:
        case "end":
            return _context.stop();
        }
    }, _marked);
}

// function* guarded(log) { try { yield 1; yield 2; } finally { log.push("cleanup"); } }
var _marked2 = regeneratorRuntime.mark(guarded);
function guarded(log) {
    return regeneratorRuntime.wrap(function guarded$(_context2) {
        while (1) switch (_context2.prev = _context2.next) {
        case 0:
            _context2.prev = 0;
            _context2.next = 3;
            return 1;
        case 3:
            _context2.next = 5;
            return 2;
        case 5:
            _context2.prev = 5;
            log.push("cleanup");
            return _context2.finish(5);
        case 8:
        case "end":
            return _context2.stop();
        }
    }, _marked2, null, [[0, , 5, 8]]);
}

// async function sumLater(values) { let total = 0; for (let i = 0; i < values.length; ++i) total += await values[i];
//     return total; }
function sumLater(_x) {
    return _sumLater.apply(this, arguments);
}
function _sumLater() {
    _sumLater = _asyncToGenerator(regeneratorRuntime.mark(function _callee(values) {
        var total, i;
        return regeneratorRuntime.wrap(function _callee$(_context3) {
            while (1) switch (_context3.prev = _context3.next) {
            case 0:
                total = 0;
                i = 0;
            case 2:
                if (!(i < values.length)) {
                    _context3.next = 10;
                    break;
                }
                _context3.t0 = total;
                _context3.next = 6;
                return values[i];
            case 6:
                total = _context3.t0 + _context3.sent;
            case 7:
                ++i;
                _context3.next = 2;
                break;
            case 10:
                return _context3.abrupt("return", total);
            case 11:
            case "end":
                return _context3.stop();
            }
        }, _callee);
    }));
    return _sumLater.apply(this, arguments);
}

// A value settled by a later turn: the awaiting state machine is suspended across it.
const settlers = [];
const later = (value) => new Promise((resolve) => settlers.push(() => resolve(value)));

const numbers = fibonacci();
print("fibonacci:", numbers.next().value, numbers.next().value, numbers.next().value);
const log = [];
const cleanup = guarded(log);
print("guarded:", cleanup.next().value, "is a generator:", Object.prototype.toString.call(cleanup));
const sum = sumLater([1, later(10), later(100)]);
sum.then((total) => print("sumLater resolved:", total));

step(() => {
    print("fibonacci resumes:", numbers.next().value, numbers.next().value, numbers.next().value);
    print("guarded returns early:", JSON.stringify(cleanup.return(7)), "log:", log.join(","));
    print("guarded is done:", JSON.stringify(cleanup.next()));
    settlers.shift()();
});
step(() => {
    print("pending settlers:", settlers.length);
    settlers.shift()();
});
step(() => {
    print("fibonacci still resumes:", numbers.next().value);
});
