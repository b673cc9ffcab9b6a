System.Console.WriteLine(typeof(System.CommandLine.RootCommand).Assembly.FullName + typeof(Spectre.Console.AnsiConsole).Assembly.FullName);
