using Precis.Benchmarking;
using Precis.Pipeline;

namespace Precis.Tests.Benchmarking;

public class StageTimerTests
{
    [Fact]
    public void Timer_gives_each_tick_to_one_stage_in_order_of_first_use_and_time_after_a_completed_stage_to_other()
    {
        var time = new ManualTime();
        var timer = new StageTimer(time);

        timer.Start();
        time.Advance(1);
        timer.Report(new PipelineProgress("clean", 0, 2));
        time.Advance(10);
        timer.Report(new PipelineProgress("clean", 1, 2));
        timer.Report(new PipelineProgress("clean", 2, 2));
        time.Advance(3);
        timer.Report(new PipelineProgress("segment", 0, 2));
        time.Advance(5);
        timer.Report(new PipelineProgress("segment", 2, 2));
        time.Advance(2);
        timer.Begin("output");
        time.Advance(4);
        timer.Stop();

        Timed(timer).Should().Equal(
            ("other", 6), ("clean", 10), ("segment", 5), ("output", 4));
        timer.Total.Should().Be(TimeSpan.FromMilliseconds(25));
    }

    [Fact]
    public void Timer_keeps_a_stage_open_while_it_reports_progress()
    {
        var time = new ManualTime();
        var timer = new StageTimer(time);

        timer.Start();
        timer.Report(new PipelineProgress("summarize", 0, 3));
        time.Advance(7);
        timer.Report(new PipelineProgress("summarize", 1, 3));
        time.Advance(7);
        timer.Report(new PipelineProgress("summarize", 2, 3));
        time.Advance(7);
        timer.Stop();

        timer.Stages.Where(s => s.Stage != StageTimer.OtherThreads).Should().ContainSingle().Which.Elapsed.Should().Be(TimeSpan.FromMilliseconds(21));
    }

    [Fact]
    public void Timer_sums_a_stage_that_a_stream_enters_again_and_again()
    {
        var time = new ManualTime();
        var timer = new StageTimer(time);

        timer.Start();
        for (int article = 0; article < 3; article++)
        {
            timer.Report(new PipelineProgress("clean", article, article + 1));
            time.Advance(2);
            timer.Report(new PipelineProgress("cluster", article, article + 1));
            time.Advance(1);
        }
        timer.Stop();

        Timed(timer).Should().Equal(("clean", 6), ("cluster", 3));
    }

    /// <summary>The stages that took wall time: the test process's other threads work too, but take none.</summary>
    private static IEnumerable<(string, double)> Timed(StageTimer timer) =>
        timer.Stages.Where(s => s.Stage != StageTimer.OtherThreads).Select(s => (s.Stage, s.Elapsed.TotalMilliseconds));

    /// <summary>A clock that moves only when told to, in milliseconds.</summary>
    private sealed class ManualTime : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(int milliseconds) => _ticks += milliseconds * TimeSpan.TicksPerMillisecond;
    }
}
