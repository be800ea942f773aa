import json, re, sys
from spec import PAGES
F='/work/shared/seeds/004_ac47b4b671503bb1.txt'
L=open(F).read().split('\n')
HEADS=['序号','任务清单','内容简介','牵头单位','参与单位','完成时限']
ALIAS={'自然资源局':'旗自然资源局','生态环境局':'旗生态环境局','蒙苏经济开发区':'蒙苏经济开发区管委会'}
LABEL={'industrial':'工业固体废物','hazardous':'危险废物领域','agricultural':'农业固体废物','domestic':'生活领域固体废物'}
def columns(a,b):
    s='';pos=[]
    for i in range(a-1,b):
        t=L[i].strip()
        if not t: continue
        s+=t; pos+=[i+1]*len(t)
    out={}
    idx=sorted((s.find(h),h) for h in HEADS)
    for j,(k,h) in enumerate(idx):
        assert k>=0,(a,h)
        e=idx[j+1][0] if j+1<len(idx) else len(s)
        out[h]=(s[k+len(h):e], pos[k+len(h):e])
    return out
def norm(t):
    t=re.sub(r'\s+','',t)
    return t
tasks=[]; problems=[]
for pg in PAGES:
    a,b=pg['lines']; cols=columns(a,b)
    n=len(pg['titles'])
    doms=pg['domain'] if isinstance(pg['domain'],list) else [pg['domain']]*n
    nums=pg['first'] if isinstance(pg['first'],list) else list(range(pg['first'],pg['first']+n))
    for key in ('sentences','leads','parts','deadlines'): assert len(pg[key])==n,(a,key,len(pg[key]),n)
    # titles: merged cells appear once
    tt,tp=cols['任务清单']; uniq=[t for i,t in enumerate(pg['titles']) if i==0 or pg['titles'][i-1]!=t]
    if norm(tt)!=''.join(uniq): problems.append((a,'titles',norm(tt),''.join(uniq)))
    lt=norm(cols['牵头单位'][0]); 
    if lt!=''.join(x for r in pg['leads'] for x in r): problems.append((a,'leads',lt))
    pt=norm(cols['参与单位'][0]).replace('—','')
    if pt!=''.join(x for r in pg['parts'] for x in r): problems.append((a,'parts',pt,''.join(x for r in pg['parts'] for x in r)))
    dt=norm(cols['完成时限'][0]); dt=dt.split('附件2')[0]
    if dt!=''.join(pg['deadlines']): problems.append((a,'deadlines',dt))
    st,sp=cols['内容简介']; 
    # sentence split on 。 keeping positions
    sents=[];cur='';start=None
    for ch,ln in zip(st,sp):
        if start is None: start=ln
        cur+=ch
        if ch=='。':
            sents.append((norm(cur),start)); cur='';start=None
    if norm(cur): sents.append((norm(cur),start))
    if len(sents)!=sum(pg['sentences']): problems.append((a,'sentences',len(sents),sum(pg['sentences'])))
    # title lines
    tpos=[];off=0;raw=tt
    for i,t in enumerate(pg['titles']):
        if i>0 and pg['titles'][i-1]==t: tpos.append(tpos[-1]); continue
        k=norm(raw).find(t)
        # map index in normalized title string back to line: titles have no spaces except ascii
        tpos.append(tp[min(k, len(tp)-1)] if k>=0 else tp[0])
    si=0
    for i in range(n):
        summ=''.join(x for x,_ in sents[si:si+pg['sentences'][i]]); si+=pg['sentences'][i]
        dom=doms[i]; num=nums[i]
        rv=pg['review'].get(num) if isinstance(pg['domain'],str) else None
        rv=rv or pg['review'].get((dom,num)) or []
        tasks.append(dict(domain=dom, domainLabel=LABEL[dom] if dom!='hazardous' else '危险废物', number=str(num),
            title=pg['titles'][i], summary=summ,
            leads=[{'department':ALIAS.get(d,d)} for d in pg['leads'][i]],
            participants=[{'department':ALIAS.get(d,d),'role':'参与'} for d in pg['parts'][i]],
            leaders=[], deadline=pg['deadlines'][i], milestones=[],
            source={'file':'004_ac47b4b671503bb1.txt','section':f'附件1 伊金霍洛旗“无废城市”建设任务清单 {LABEL[dom]} 第{num}项','line':tpos[i]},
            **({'review':[{'field':f,'reason':r} for f,r in rv]} if rv else {})))
for p in problems: print('PROBLEM',p)
from collections import Counter
print(Counter(t['domain'] for t in tasks), len(tasks))
json.dump(tasks,open(__import__('os').path.join(__import__('os').path.dirname(__file__),'tasks.json'),'w'),ensure_ascii=False,indent=1)
