import sys,re
F='/work/shared/seeds/004_ac47b4b671503bb1.txt'
L=open(F).read().split('\n')
a,b=int(sys.argv[1]),int(sys.argv[2])
# join all non-empty lines, remembering the line number where each char came from
s='';pos=[]
for i in range(a-1,b):
    t=L[i].strip()
    if not t: continue
    s+=t+('' if re.search(r'[\u4e00-\u9fff”“《》（）、，。；：]$',t) else ' ')
    pos+= [i+1]*(len(t)+ (0 if re.search(r'[\u4e00-\u9fff”“《》（）、，。；：]$',t) else 1))
heads=['序号','任务清单','内容简介','牵头单位','参与单位','完成时限']
idx=[]
for h in heads:
    k=s.find(h)
    idx.append(k)
print(idx)
order=sorted([(k,h) for k,h in zip(idx,heads) if k>=0])
for j,(k,h) in enumerate(order):
    e=order[j+1][0] if j+1<len(order) else len(s)
    print(f'== {h} (line {pos[k]})\n{s[k+len(h):e]}\n')
