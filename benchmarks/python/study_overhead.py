import time, optuna
optuna.logging.set_verbosity(optuna.logging.WARNING)
def obj(t):
    x=t.suggest_float("x",-5,10); y=t.suggest_float("y",0,15); return x*x+y
for name, s in [("random", lambda: optuna.samplers.RandomSampler(seed=1)), ("tpe", lambda: optuna.samplers.TPESampler(seed=1)), ("tpe-mv", lambda: optuna.samplers.TPESampler(seed=1, multivariate=True))]:
    ts=[]
    for r in range(5):
        st=optuna.create_study(sampler=s()); t0=time.perf_counter(); st.optimize(obj,n_trials=100); ts.append(time.perf_counter()-t0)
    print(name, "median %.1f ms" % (sorted(ts)[2]*1000))
