import sys,json
t=sys.stdin.read(); i=t.index('{'); j=t.index('\n}\n')+2; d=json.loads(t[i:j+1])
g=set(map(json.dumps,d['got'])); e=set(map(json.dumps,d['exp']))
print('only got:', sorted(g-e)); print('only exp:', sorted(e-g)); print(d['w'])
