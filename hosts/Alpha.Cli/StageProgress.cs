using Alpha.Training;
using Spectre.Console;

namespace Alpha.Cli;

/// <summary>Shows the retrain flow's stages as progress bars (synchronously, on the flow's thread).</summary>
internal sealed class StageProgress(ProgressContext context) : IProgress<RetrainProgress>
{
    private readonly Dictionary<RetrainStage, ProgressTask> _tasks = [];

    public void Report(RetrainProgress value)
    {
        if (!_tasks.TryGetValue(value.Stage, out ProgressTask? task))
        {
            task = context.AddTask(Markup.Escape(value.Stage.ToString()), maxValue: 1);
            _tasks[value.Stage] = task;
        }

        task.Value = value.Fraction;
        task.Description = $"{value.Stage,-16} {Markup.Escape(value.Message)}";
        if (value.Fraction >= 1)
        {
            task.StopTask();
        }
    }
}
