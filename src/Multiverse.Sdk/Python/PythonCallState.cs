namespace Multiverse.Sdk.Python;

internal enum PythonCallState
{
    Waiting,
    Sent,
    Done,
}
