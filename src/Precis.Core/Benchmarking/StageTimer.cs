using System.Runtime.InteropServices;
using Precis.Pipeline;

namespace Precis.Benchmarking;

/// <summary>
/// What one stage cost: wall time, CPU time of the thread that ran it, and bytes allocated on the managed
/// heap. What other threads (background GC, tiered JIT) spend is one stage of its own,
/// <see cref="StageTimer.OtherThreads"/>, with no wall time.
/// </summary>
public sealed record StageMeasurement(string Stage, TimeSpan Elapsed, TimeSpan Cpu, long AllocatedBytes);

/// <summary>
/// Times the stages of a pipeline run from its <see cref="PipelineProgress"/> reports: a stage runs from its
/// first report to the first report of the next stage. Work after a stage reports itself complete
/// (Done = Total) and before the next stage reports goes to <see cref="Untracked"/>, so every tick between
/// <see cref="Start"/> and <see cref="Stop"/> belongs to exactly one measurement. The harness adds its own
/// stages (reading, output) with <see cref="Begin"/>. A stage that runs many times (a stream switches stages
/// for every article) accumulates into one measurement. Not for concurrent runs: one timer per run.
/// </summary>
public sealed class StageTimer : IProgress<PipelineProgress>
{
    /// <summary>The name under which time between a completed stage and the next one is recorded.</summary>
    public const string Untracked = "other";

    /// <summary>
    /// The name under which the CPU time of the process's other threads is recorded: the process's CPU time
    /// less the timing thread's. Per-stage CPU is the timing thread's own (on Linux; elsewhere the process's,
    /// and this stays empty), so a background collection or JIT compilation is not charged to whichever stage
    /// happened to be running, which on a loaded machine is a matter of chance.
    /// </summary>
    public const string OtherThreads = "other threads (GC, JIT)";

    private readonly Lock _lock = new();
    private readonly List<StageMeasurement> _stages = [];
    private readonly Dictionary<string, int> _positions = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private long _started;
    private string? _current;
    private Mark _since;

    /// <param name="time">The clock for wall time (the system's by default; tests pass a manual one).</param>
    public StageTimer(TimeProvider? time = null) => _time = time ?? TimeProvider.System;

    private readonly record struct Mark(TimeSpan Elapsed, TimeSpan Cpu, long Allocated);

    private TimeSpan _processCpuAtStart;
    private TimeSpan _threadCpuAtStart;

    /// <summary>Stages in the order they first ran, each with all its time.</summary>
    public IReadOnlyList<StageMeasurement> Stages => _stages;

    /// <summary>Wall time from <see cref="Start"/> to <see cref="Stop"/>: the sum of <see cref="Stages"/>.</summary>
    public TimeSpan Total { get; private set; }

    public void Start()
    {
        _stages.Clear();
        _positions.Clear();
        _started = _time.GetTimestamp();
        _processCpuAtStart = Environment.CpuUsage.TotalTime;
        _threadCpuAtStart = ThreadCpu();
        _since = new Mark(TimeSpan.Zero, _threadCpuAtStart, GC.GetTotalAllocatedBytes());
        _current = Untracked;
    }

    /// <summary>Closes the running stage and opens <paramref name="stage"/>.</summary>
    public void Begin(string stage)
    {
        lock (_lock) Switch(stage);
    }

    public void Report(PipelineProgress value)
    {
        lock (_lock)
        {
            if (value.Stage != _current) Switch(value.Stage);
            if (value.Done >= value.Total) Switch(Untracked);
        }
    }

    public void Stop()
    {
        lock (_lock)
        {
            Switch(null);
            Total = _since.Elapsed;
            var others = Environment.CpuUsage.TotalTime - _processCpuAtStart - (_since.Cpu - _threadCpuAtStart);
            if (others > TimeSpan.Zero) _stages.Add(new StageMeasurement(OtherThreads, TimeSpan.Zero, others, 0));
        }
    }

    private void Switch(string? next)
    {
        if (next == _current) return;
        var now = Now();
        if (_current is not null && now.Elapsed > _since.Elapsed)
        {
            var spent = new StageMeasurement(_current, now.Elapsed - _since.Elapsed, now.Cpu - _since.Cpu, now.Allocated - _since.Allocated);
            if (_positions.TryGetValue(_current, out int at))
            {
                var sum = _stages[at];
                _stages[at] = sum with { Elapsed = sum.Elapsed + spent.Elapsed, Cpu = sum.Cpu + spent.Cpu, AllocatedBytes = sum.AllocatedBytes + spent.AllocatedBytes };
            }
            else
            {
                _positions[_current] = _stages.Count;
                _stages.Add(spent);
            }
        }
        _current = next;
        _since = now;
    }

    private Mark Now() => new(_time.GetElapsedTime(_started), ThreadCpu(), GC.GetTotalAllocatedBytes());

    /// <summary>CPU time of the calling thread (Linux), else of the whole process.</summary>
    private static TimeSpan ThreadCpu()
    {
        if (!OperatingSystem.IsLinux() || ClockGetTime(ClockThreadCpuTime, out var ts) != 0) return Environment.CpuUsage.TotalTime;
        return TimeSpan.FromTicks(ts.Seconds * TimeSpan.TicksPerSecond + ts.Nanoseconds / 100);
    }

    private const int ClockThreadCpuTime = 3; // CLOCK_THREAD_CPUTIME_ID in Linux's <time.h>

    private readonly struct TimeSpec
    {
        public readonly long Seconds;
        public readonly long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);
}
