#!/usr/bin/python3
# Golden /render output formats from a real graphite-web 1.1.8: asks it for plain targets of the render data
# set (test/fixtures/render/dataset.json) in every format and stores the bodies byte for byte, plus
# manifest.json (case, params, file, status, content type); pickles also decoded, typed, to <file>.json.
# Replayed by test/render/format/golden.test.ts.
#
# usage: /usr/bin/python3 test/fixtures/render/generate.py /tmp/gw1/whisper http://127.0.0.1:23080 smoke
#        /usr/bin/python3 test/golden/render/generate.py http://127.0.0.1:23080
# (the first command writes the whisper files graphite-web reads, and dataset.json)
import json
import os
import pickle
import sys
import urllib.error
import urllib.parse
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
NOW = 1700006400
HOUR = 3600

CASES = {
    'web1': {'targets': ['render.web1.requests.count']},
    'p95': {'targets': ['render.web*.latency.p95']},
    'mixed': {'targets': ['render.mixed.s10', 'render.const.one', 'render.neg.y']},
    'empty': {'targets': ['render.empty.none']},
    # a day, a `from` off the step grid (the maxDataPoints nudge depends on it), counters with gaps
    'day': {'targets': ['render.sparse.x', 'render.counter.{a,b}', 'render.zero.z'],
            'from': NOW - 86400 + 3 * HOUR + 37, 'until': NOW - 17},
}

FORMATS = {
    'json': {'format': 'json'},
    'pretty': {'format': 'json', 'pretty': '1'},
    'jsonp': {'format': 'json', 'jsonp': 'cb_1'},
    'nonull': {'format': 'json', 'noNullPoints': '1'},
    'mdp1': {'format': 'json', 'maxDataPoints': '1'},
    'mdp7': {'format': 'json', 'maxDataPoints': '7'},
    'mdp100': {'format': 'json', 'maxDataPoints': '100'},
    'mdp500': {'format': 'json', 'maxDataPoints': '500'},
    'csv-utc': {'format': 'csv', 'tz': 'UTC'},
    'csv-kolkata': {'format': 'csv', 'tz': 'Asia/Kolkata'},
    'csv-newyork': {'format': 'csv', 'tz': 'America/New_York'},
    'raw': {'format': 'raw'},
    'pickle': {'format': 'pickle'},
    'msgpack': {'format': 'msgpack'},
    'dygraph': {'format': 'dygraph'},
    'rickshaw': {'format': 'rickshaw'},
    'rickshaw-pretty': {'format': 'rickshaw', 'pretty': '1'},
}

EXT = {'json': 'json', 'csv': 'csv', 'raw': 'txt', 'pickle': 'pickle', 'msgpack': 'msgpack',
       'dygraph': 'json', 'rickshaw': 'json'}


def render(url, case, params):
    query = [('target', t) for t in case['targets']]
    query += [('now', str(NOW)), ('from', str(case.get('from', NOW - HOUR))),
              ('until', str(case.get('until', NOW)))]
    query += sorted(params.items())
    req = urllib.request.Request(url + '/render', data=urllib.parse.urlencode(query).encode())
    try:
        with urllib.request.urlopen(req, timeout=60) as resp:
            return resp.status, resp.headers.get('Content-Type'), resp.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get('Content-Type'), e.read()


def typed(value):
    """A pickle's content as JSON that keeps Python's int/float distinction: ["int", n], ["float", x]."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, int):
        return ['int', value]
    if isinstance(value, float):
        return ['float', value]
    if isinstance(value, (list, tuple)):
        return [typed(v) for v in value]
    return {k: typed(v) for k, v in value.items()}


def main():
    if len(sys.argv) != 2:
        sys.exit('usage: generate.py GRAPHITE_WEB_URL')
    url = sys.argv[1].rstrip('/')
    manifest = []
    for case_id, case in sorted(CASES.items()):
        for fmt_id, params in FORMATS.items():
            status, ctype, body = render(url, case, params)
            name = '%s.%s.%s' % (case_id, fmt_id, EXT[params['format']])
            if status != 200:  # graphite-web failed (a Python exception): keep no body
                name = None
            else:
                with open(os.path.join(HERE, name), 'wb') as f:
                    f.write(body)
            if params['format'] == 'pickle' and status == 200:
                with open(os.path.join(HERE, name + '.json'), 'w') as f:
                    json.dump(typed(pickle.loads(body)), f, separators=(',', ':'))
                    f.write('\n')
            manifest.append({'case': case_id, 'targets': case['targets'], 'from': case.get('from', NOW - HOUR),
                             'until': case.get('until', NOW), 'now': NOW, 'params': params, 'file': name,
                             'status': status, 'contentType': ctype})
            if status != 200:
                print('%s.%s: HTTP %d' % (case_id, fmt_id, status))
    with open(os.path.join(HERE, 'manifest.json'), 'w') as f:
        f.write('[\n' + ',\n'.join(json.dumps(m, sort_keys=True) for m in manifest) + '\n]\n')
    print('%d golden files in %s' % (len(manifest), HERE))


main()
