using System.Globalization;
using System.Runtime.ExceptionServices;

namespace Tumen.Ingest.Documents;

/// <summary>
/// Runs the parse of one file on a dedicated background thread and waits for it at most a fixed time.
/// Third-party parsers (PdfPig above all) cannot be cancelled, so a crafted file could otherwise hang an
/// import. When the time is up the caller gets a <see cref="DocumentReadException"/> and goes on; the
/// abandoned parse keeps its thread, which is a background thread (it never keeps the process alive)
/// and is asked to stop through a <see cref="CancellationToken"/> that the PDF stream filters and the
/// page/paragraph loops check, so it stops at its next stream or page. See docs/extraction.md.
/// </summary>
internal static class BoundedRead
{
    /// <summary>Stack for the parse thread: deeper than the default so that nesting limits, not the stack, end a deep file.</summary>
    private const int StackBytes = 16 * 1024 * 1024;

    /// <summary>Abandoned parses still running in this process; past the cap, no further parse is started.</summary>
    private static int _abandoned;

    /// <summary>How many abandoned parses may run on at once before further reads are refused.</summary>
    internal const int MaxAbandoned = 4;

    /// <summary>Parses still running after their caller gave up on them (for tests and diagnostics).</summary>
    internal static int Abandoned => Volatile.Read(ref _abandoned);

    public static T Run<T>(string fileName, TimeSpan limit, Func<CancellationToken, T> parse)
    {
        var work = Start(fileName, parse);
        if (!((IAsyncResult)work.Completion.Task).AsyncWaitHandle.WaitOne(limit))
        {
            throw work.Abandon(limit);
        }

        return work.Result();
    }

    public static async Task<T> RunAsync<T>(string fileName, TimeSpan limit, Func<CancellationToken, T> parse, CancellationToken cancellationToken)
    {
        var work = Start(fileName, parse);
        try
        {
            await work.Completion.Task.WaitAsync(limit, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw work.Abandon(limit);
        }
        catch (OperationCanceledException)
        {
            _ = work.Abandon(limit);
            throw;
        }

        return work.Result();
    }

    private static Work<T> Start<T>(string fileName, Func<CancellationToken, T> parse)
    {
        if (Abandoned >= MaxAbandoned)
        {
            throw new DocumentReadException(string.Create(
                CultureInfo.InvariantCulture,
                $"{fileName} was not read: {Abandoned} earlier files that could not be read in time are still being parsed; restart Tumen to read more."));
        }

        var work = new Work<T>(fileName, parse);
        var thread = new Thread(work.Execute, StackBytes)
        {
            IsBackground = true,
            Name = "Tumen document parse",
        };
        thread.Start();
        return work;
    }

    private sealed class Work<T>(string fileName, Func<CancellationToken, T> parse) : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private int _state; // 0 running, 1 finished, 2 abandoned

        public TaskCompletionSource<T> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Execute()
        {
            try
            {
                Completion.TrySetResult(parse(_stop.Token));
            }
            catch (Exception ex)
            {
                Completion.TrySetException(ex);
            }
            finally
            {
                if (Interlocked.Exchange(ref _state, 1) == 2)
                {
                    Interlocked.Decrement(ref _abandoned);
                }

                Dispose();
            }
        }

        /// <summary>Called by the parse thread itself when it ends, whoever waited for it.</summary>
        public void Dispose() => _stop.Dispose();

        public DocumentReadException Abandon(TimeSpan limit)
        {
            if (Interlocked.CompareExchange(ref _state, 2, 0) == 0)
            {
                Interlocked.Increment(ref _abandoned);
                try
                {
                    _stop.Cancel();
                }
                catch (ObjectDisposedException)
                {
                    // Finished between the timeout and now.
                }
            }

            return new DocumentReadException(string.Create(
                CultureInfo.InvariantCulture,
                $"{fileName}: could not read within {limit.TotalSeconds:0.#} s (a damaged file, or one crafted to stall the parser)."));
        }

        public T Result()
        {
            var task = Completion.Task;
            if (task.Exception?.InnerException is { } error)
            {
                ExceptionDispatchInfo.Capture(error).Throw();
            }

            return task.IsCompletedSuccessfully ? task.GetAwaiter().GetResult() : throw new InvalidOperationException("The parse has not finished.");
        }
    }
}
