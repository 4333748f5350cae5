#ifndef SVERKA_CLIBEDIT_SHIM_H
#define SVERKA_CLIBEDIT_SHIM_H
#include <stdio.h>
#include <histedit.h>
#endif
