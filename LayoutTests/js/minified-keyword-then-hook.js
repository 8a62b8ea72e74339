// Tests that code the instrumenter inserts never merges with the token before or after it. Minified code writes no
// space between a keyword and `{` or `(`, exactly where a hook call starts (`return{m(){}}` once became
// `return__offload.o(…)`, an undefined name that a program's own catch turned into a silently wrong result). Every
// keyword that can stand right before an object literal with methods or an arrow is here, with the closures kept
// across turns. The script is written minified on purpose.
function counter(){let n=0;return{inc(){return++n}}}
function adder(a){return(b)=>a+b}
function nothing(){return()=>"none"}
function*gen(){yield{m(){return"yielded"}};yield(x)=>x*2}
function makeStorage(){try{return{get(k){return"v:"+k}}}catch(e){return null}}
const storage=makeStorage();
print(storage===null?"fallback: no storage":storage.get("a"));
const c=counter();c.inc();
const add2=adder(2);
const[yielded,doubler]=gen();
print("typeof:",typeof{m(){}},typeof(()=>1));
print("void:",void{m(){}});
let thrown;try{throw{m(){return"thrown"}}}catch(e){thrown=e}
print("in:","m"in{m(){}},"x"in{m(){}});
print("instanceof:",0 instanceof{[Symbol.hasInstance](){return true}});
const keys=[];for(const k in{m(){},n(){}})keys.push(k);
print("for-in:",keys.join(","));
const values=[];for(const v of{*[Symbol.iterator](){yield 7;yield 8}})values.push(v);
print("for-of:",values.join(","));
switch(1){case{valueOf(){return 1}}.valueOf():print("case: matched");break;default:print("case: missed")}
print("delete:",delete{m(){}}.m);
async function awaited(){return await{then(r){r("awaited")}}}
let settled;awaited().then((v)=>{settled=v});
const f=1.5.toFixed(1)+{m(){return"x"}}.m()+`${{m(){return"t"}}.m()}`+/a/g.test("a");
print("mixed:",f);
step(()=>{print("counter:",c.inc(),"adder:",add2(40),"none:",nothing()(),"yielded:",yielded.m(),doubler(21));
print("storage:",storage.get("b"),"thrown:",thrown.m(),"settled:",settled)});
step(()=>print("counter again:",c.inc()));
