namespace TodoChatbot.ServiceDefaults;

/// <summary>
/// Reading an exception together with its inner exceptions: libraries wrap the failure that
/// matters (a socket error inside an Npgsql exception inside an EF Core one) at varying depths.
/// </summary>
public static class ExceptionChain
{
    /// <summary>The exception, then its inner exception, and so on.</summary>
    public static IEnumerable<Exception> AndInner(this Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
            yield return current;
    }

    /// <summary>The outermost exception of type <typeparamref name="T"/> in the chain, or null.</summary>
    public static T? Find<T>(this Exception exception) where T : Exception => exception.AndInner().OfType<T>().FirstOrDefault();
}
