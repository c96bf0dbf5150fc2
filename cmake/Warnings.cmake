# medusa_personalize_warnings(<target>): the project's warning set, errors when
# MEDUSA_PERSONALIZE_WERROR is on (CI turns it on).
function(medusa_personalize_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                                           -Wcast-align -Wunused -Woverloaded-virtual)
  if(MEDUSA_PERSONALIZE_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
