# Plots the partitioner benchmark's quality.dat: predicted latency and objective of every method against the client
# link bandwidth, one panel per model (client d = 4), in the spirit of Ren et al.'s Figs. 10 and 12.
# Usage: gnuplot -e "resultsDirectory='DIR'" plot-quality.gnuplot
if (!exists("resultsDirectory")) resultsDirectory = "PerformanceTests/results/Partitioner"
data = resultsDirectory . "/quality.dat"
set terminal svg size 1400,900 dynamic enhanced font "sans,11"
set output resultsDirectory . "/quality.svg"
set multiplot layout 2,4 title "Partition plans vs. bandwidth (client d = 4, objective T + 100·E + 10·D)"
set logscale xy
set xlabel "client link (Mbps)"
set grid
set key top right font ",9"
models = "alexnet vgg16 resnet32 mobilenet-v1"
# optimal comes last and thick so that it stays visible where a baseline coincides with it.
methods = "local edge cloud neurosurgeon intent optimal"
select(model, method, column) = sprintf("< awk '$1 == \"%s\" && $3 == 4 && $4 == \"%s\" { print $2, $%d }' %s", model, method, column, data)
do for [m in models] {
    set title m . ": latency"
    set ylabel "T (ms)"
    plot for [method in methods] select(m, method, 5) using 1:2 with linespoints lw (method eq "optimal" ? 3 : 1) title method
}
do for [m in models] {
    set title m . ": objective"
    set ylabel "T + 100·E + 10·D"
    plot for [method in methods] select(m, method, 8) using 1:2 with linespoints lw (method eq "optimal" ? 3 : 1) title method
}
unset multiplot
