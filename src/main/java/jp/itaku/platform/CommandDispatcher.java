package jp.itaku.platform;

import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Runs the operator command named by {@code --itaku.command} and ends the process with
 * its exit status.
 */
@Component
@ConditionalOnProperty("itaku.command")
@Order(Ordered.LOWEST_PRECEDENCE)
class CommandDispatcher implements ApplicationRunner {

	private final List<ItakuCommand> commands;

	private final ConfigurableApplicationContext context;

	private final Terminal terminal;

	CommandDispatcher(List<ItakuCommand> commands, ConfigurableApplicationContext context, Terminal terminal) {
		this.commands = commands;
		this.context = context;
		this.terminal = terminal;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		String name = this.context.getEnvironment().getRequiredProperty("itaku.command");
		int status = this.commands.stream()
			.filter((command) -> command.name().equals(name))
			.findFirst()
			.map((command) -> command.run(arguments))
			.orElseGet(() -> {
				this.terminal.line("Unknown command '" + name + "'. Known: "
						+ this.commands.stream().map(ItakuCommand::name).sorted().toList());
				return 2;
			});
		int exit = SpringApplication.exit(this.context, () -> status);
		Runtime.getRuntime().exit(exit);
	}

}
