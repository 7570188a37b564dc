package nn

// DynamicLRDocs maps each mindspore.nn dynamic_lr function to its help
// text: the MindSpore r1.6 signature on the first line, then what it
// returns.
var DynamicLRDocs = map[string]string{
	"piecewise_constant_lr": `piecewise_constant_lr(milestone, learning_rates)

Returns a list of milestone[-1] learning rates: learning_rates[i] for the
steps before milestone[i].`,
	"exponential_decay_lr": `exponential_decay_lr(learning_rate, decay_rate, total_step, step_per_epoch, decay_epoch, is_stair=False)

Returns a list of total_step learning rates,
learning_rate * decay_rate**(current_epoch / decay_epoch), with the
exponent floored when is_stair.`,
	"natural_exp_decay_lr": `natural_exp_decay_lr(learning_rate, decay_rate, total_step, step_per_epoch, decay_epoch, is_stair=False)

Returns a list of total_step learning rates,
learning_rate * e**(-decay_rate * current_epoch / decay_epoch), with
current_epoch / decay_epoch floored when is_stair.`,
	"inverse_decay_lr": `inverse_decay_lr(learning_rate, decay_rate, total_step, step_per_epoch, decay_epoch, is_stair=False)

Returns a list of total_step learning rates,
learning_rate / (1 + decay_rate * current_epoch / decay_epoch), with
current_epoch / decay_epoch floored when is_stair.`,
	"cosine_decay_lr": `cosine_decay_lr(min_lr, max_lr, total_step, step_per_epoch, decay_epoch)

Returns a list of total_step learning rates,
min_lr + 0.5 * (max_lr - min_lr) * (1 + cos(pi * current_epoch / decay_epoch)).`,
	"polynomial_decay_lr": `polynomial_decay_lr(learning_rate, end_learning_rate, total_step, step_per_epoch, decay_epoch, power, update_decay_epoch=False)

Returns a list of total_step learning rates,
(learning_rate - end_learning_rate) * (1 - current_epoch / decay_epoch)**power + end_learning_rate.`,
	"warmup_lr": `warmup_lr(learning_rate, total_step, step_per_epoch, warmup_epoch)

Returns a list of total_step learning rates,
learning_rate * min(current_epoch, warmup_epoch) / warmup_epoch.`,
}
